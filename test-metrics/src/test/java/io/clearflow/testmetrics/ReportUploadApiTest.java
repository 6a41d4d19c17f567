package io.clearflow.testmetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The upload API over HTTP (MockMvc, HTTP Basic as the demo users): formats detected by content, the
 * documented summaries, ZIPs, who may upload, and every hostile sample refused with a problem detail
 * while nothing is stored.
 */
@SpringBootTest(classes = TestMetricsTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public class ReportUploadApiTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    static byte[] sample(String path) throws IOException {
        try (InputStream in = ReportUploadApiTest.class.getResourceAsStream("/reports/" + path)) {
            return in.readAllBytes();
        }
    }

    ResultActions upload(String user, byte[] content, String fileName, String project, String version, String run)
            throws Exception {
        var request = multipart("/api/test-metrics/reports")
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .with(httpBasic(user, "demo"));
        if (project != null) {
            request.param("project", project);
        }
        if (version != null) {
            request.param("version", version);
        }
        if (run != null) {
            request.param("run", run);
        }
        return mvc.perform(request);
    }

    long rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    @Test
    void junitUploadAnswersTheCountsOfItsTestcases() throws Exception {
        // the file name says .txt: detection is by content
        upload("zhengshi", sample("junit/surefire-TEST-io.clearflow.ctrade.OrderServiceTest.xml"), "report.txt",
                "ctrade", "3.2.0", "128")
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.format").value("junit"))
                .andExpect(jsonPath("$.summary.tests").value(6))
                .andExpect(jsonPath("$.summary.failures").value(1))
                .andExpect(jsonPath("$.summary.errors").value(0))
                .andExpect(jsonPath("$.summary.skipped").value(1))
                .andExpect(jsonPath("$.summary.flaky").value(1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tm_test_result r JOIN tm_run u ON u.id = r.run_id "
                + "JOIN tm_version v ON v.id = u.version_id WHERE v.project = 'ctrade' AND v.version = '3.2.0' "
                + "AND u.run_key = '128'", Long.class)).isEqualTo(6);
    }

    @Test
    void coverageAndSarifSummaries() throws Exception {
        upload("wujiu", sample("coverage/jacoco.xml"), "jacoco.xml", "ctrade", "3.2.0", null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.format").value("jacoco"))
                .andExpect(jsonPath("$.summary.lineCovered").value(10))
                .andExpect(jsonPath("$.summary.lineMissed").value(5))
                .andExpect(jsonPath("$.summary.branchCovered").value(5))
                .andExpect(jsonPath("$.summary.branchMissed").value(1));
        upload("wujiu", sample("coverage/cobertura-1.9.xml"), "c.xml", "clearing", "1.0", null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.format").value("cobertura"))
                .andExpect(jsonPath("$.summary.lineCovered").value(4))
                .andExpect(jsonPath("$.summary.lineValid").value(7))
                .andExpect(jsonPath("$.summary.branchCovered").value(1))
                .andExpect(jsonPath("$.summary.branchValid").value(2));
        upload("admin", sample("sarif/eslint-kinds.sarif"), "eslint.sarif", "web", "2.0", null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.format").value("sarif"))
                .andExpect(jsonPath("$.summary.results").value(6))
                .andExpect(jsonPath("$.summary.error").value(2))
                .andExpect(jsonPath("$.summary.warning").value(2))
                .andExpect(jsonPath("$.summary.note").value(0))
                .andExpect(jsonPath("$.summary.none").value(2));
    }

    @Test
    void aZipOfASurefireFolderStoresEveryReportAndSkipsTheRest() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("surefire-reports/"));
            zip.putNextEntry(new ZipEntry("surefire-reports/TEST-io.clearflow.ctrade.OrderServiceTest.xml"));
            zip.write(sample("junit/surefire-TEST-io.clearflow.ctrade.OrderServiceTest.xml"));
            zip.putNextEntry(new ZipEntry("surefire-reports/io.clearflow.ctrade.OrderServiceTest.txt"));
            zip.write("Tests run: 6, Failures: 1, Errors: 0, Skipped: 1".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("surefire-reports/TEST-com.example.ledger.LedgerTest.xml"));
            zip.write(sample("junit/gradle-TEST-com.example.ledger.LedgerTest.xml"));
            zip.putNextEntry(new ZipEntry("site/jacoco/jacoco.xml"));
            zip.write(sample("coverage/jacoco.xml"));
        }
        upload("zhengshi", bytes.toByteArray(), "surefire-reports.zip", "ctrade", "3.3.0", "7")
                .andExpect(status().isCreated())
                .andExpect(header().string("ClearFlow-Skipped-Entries", "1"))
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].format").value("junit"))
                .andExpect(jsonPath("$[0].summary.tests").value(6))
                .andExpect(jsonPath("$[0].entry").value("surefire-reports/TEST-io.clearflow.ctrade.OrderServiceTest.xml"))
                .andExpect(jsonPath("$[1].summary.tests").value(4))
                .andExpect(jsonPath("$[2].format").value("jacoco"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "hostile/xxe-file.xml, 400", "hostile/xxe-parameter-entity.xml, 400", "hostile/billion-laughs.xml, 400",
            "hostile/truncated.xml, 400", "hostile/binary.bin, 415", "hostile/empty.xml, 400",
            "hostile/not-sarif.json, 400", "hostile/sarif-2.0.json, 415", "hostile/negative-time.xml, 400",
            "hostile/nonnumeric-time.xml, 400", "hostile/truncated.sarif, 400", "hostile/unknown-root.xml, 415",
            "hostile/random.bin, 415", "hostile/trailing-junk.xml, 400",
    })
    void hostileUploadsAreRefusedAndStoreNothing(String file, int expected) throws Exception {
        long reports = rows("tm_report");
        long results = rows("tm_test_result");
        long versions = rows("tm_version");
        String body = upload("zhengshi", sample(file), "upload.xml", "hostile", "9.9." + Math.abs(file.hashCode()), null)
                .andExpect(status().is(expected))
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")))
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("root:x:0:0").doesNotContain("lollol");
        assertThat(rows("tm_report")).isEqualTo(reports);
        assertThat(rows("tm_test_result")).isEqualTo(results);
        assertThat(rows("tm_version")).as("not even the version").isEqualTo(versions);
    }

    @Test
    void aBadEntryInAZipRefusesTheWholeZip() throws Exception {
        long reports = rows("tm_report");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("TEST-a.xml"));
            zip.write(sample("junit/go-junit-report.xml"));
            zip.putNextEntry(new ZipEntry("TEST-b.xml"));
            zip.write(sample("hostile/xxe-file.xml"));
        }
        upload("zhengshi", bytes.toByteArray(), "r.zip", "ctrade", "3.4.0", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2. file of the ZIP")));
        assertThat(rows("tm_report")).isEqualTo(reports);
        upload("zhengshi", "not a zip at all".getBytes(StandardCharsets.UTF_8), "x.zip", "ctrade", "3.4.0", null)
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void sizeLimitsAnswer413() throws Exception {
        byte[] big = ("<testsuite name=\"big\">" + "<testcase classname=\"c\" name=\"t\" time=\"0.001\"/>".repeat(6000)
                + "</testsuite>").getBytes(StandardCharsets.UTF_8);
        assertThat(big.length).isGreaterThan(256 * 1024);
        upload("zhengshi", big, "big.xml", "ctrade", "3.5.0", null)
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("limit")));
        // a small ZIP that unpacks beyond the unzipped limit (512 KB in the test settings)
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("TEST-bomb.xml"));
            zip.write("<testsuite name=\"b\">".getBytes(StandardCharsets.UTF_8));
            zip.write(" ".repeat(1024 * 1024).getBytes(StandardCharsets.UTF_8));
            zip.write("</testsuite>".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(bytes.size()).isLessThan(256 * 1024);
        upload("zhengshi", bytes.toByteArray(), "bomb.zip", "ctrade", "3.5.0", null)
                .andExpect(status().isPayloadTooLarge());
    }

    @Test
    void onlyTestersDevelopersBotsAndAdminsUpload() throws Exception {
        byte[] junit = sample("junit/go-junit-report.xml");
        upload("zhangsan", junit, "r.xml", "ctrade", "3.2.0", null).andExpect(status().isForbidden());
        upload("zhouba", junit, "r.xml", "ctrade", "3.2.0", null).andExpect(status().isForbidden());
        upload("chenqc", junit, "r.xml", "ctrade", "3.2.0", null).andExpect(status().isForbidden());
        upload("zhengshi", junit, "r.xml", null, "3.2.0", null).andExpect(status().isBadRequest());
        upload("zhengshi", junit, "r.xml", "ctrade", "../etc", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.version").exists());
    }
}
