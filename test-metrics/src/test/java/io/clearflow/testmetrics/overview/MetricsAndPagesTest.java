package io.clearflow.testmetrics.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.testmetrics.TestMetricsTestApplication;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Figures per version, trends and flaky tests over uploaded runs, and every page in both languages for a
 * tester, refused to business staff.
 */
@SpringBootTest(classes = TestMetricsTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class MetricsAndPagesTest {

    @Autowired MockMvc mvc;

    static byte[] junit(String... cases) {
        StringBuilder sb = new StringBuilder("<testsuite name=\"pay.PayTest\">");
        for (String c : cases) {
            String[] p = c.split(":");
            sb.append("<testcase classname=\"pay.PayTest\" name=\"").append(p[0]).append("\" time=\"").append(p[2]).append("\">");
            if (p[1].equals("F")) {
                sb.append("<failure message=\"boom ").append(p[0]).append("\">trace</failure>");
            }
            sb.append("</testcase>");
        }
        return sb.append("</testsuite>").toString().getBytes(StandardCharsets.UTF_8);
    }

    void upload(byte[] content, String version, String run) throws Exception {
        var request = multipart("/api/test-metrics/reports").file(new MockMultipartFile("file", "r.xml", null, content))
                .param("project", "paysys").param("version", version).with(httpBasic("wujiu", "demo"));
        if (run != null) {
            request.param("run", run);
        }
        mvc.perform(request).andExpect(status().isCreated());
    }

    byte[] sample(String path) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/reports/" + path)) {
            return in.readAllBytes();
        }
    }

    @BeforeAll
    void seed() throws Exception {
        upload(junit("a:P:0.1", "b:F:0.2", "c:P:1.5"), "3.2.0", "1");
        upload(junit("a:F:0.1", "b:F:0.2", "c:P:1.4"), "3.2.0", "2");
        upload(junit("a:P:0.1", "b:F:0.2", "c:P:1.6", "d:P:0.3"), "3.2.0", "3");
        upload(sample("sarif/semgrep.sarif"), "3.1.0", null);
        upload(sample("coverage/coveragepy-7.xml"), "3.1.0", null);
        upload(sample("sarif/codeql-extensions.sarif"), "3.2.0", "3");
        upload(sample("coverage/jacoco.xml"), "3.2.0", "3");
    }

    @Test
    void versionFiguresFromTheLatestRun() throws Exception {
        mvc.perform(get("/api/test-metrics/projects/paysys/versions/3.2.0").with(httpBasic("chenqc", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.runs.length()").value(3))
                .andExpect(jsonPath("$.latest.run").value("3"))
                .andExpect(jsonPath("$.latest.tests").value(4))
                .andExpect(jsonPath("$.latest.failed").value(1))
                .andExpect(jsonPath("$.latest.passRate").value(75.0))
                .andExpect(jsonPath("$.latest.durationMs").value(2200))
                .andExpect(jsonPath("$.slowest[0].name").value("c"))
                .andExpect(jsonPath("$.failures[0].message").value("boom b"))
                .andExpect(jsonPath("$.coverage.lineCovered").value(10))
                .andExpect(jsonPath("$.previousVersion").value("3.1.0"))
                // codeql's 3 findings against semgrep's 2 open ones (its third is suppressed): 3 new, 2 fixed
                .andExpect(jsonPath("$.findingDiff.newFindings").value(3))
                .andExpect(jsonPath("$.findingDiff.fixed").value(2))
                .andExpect(jsonPath("$.openFindingsByLevel.error").value(1));
        mvc.perform(get("/api/test-metrics/projects").with(httpBasic("zhouba", "demo")))
                .andExpect(jsonPath("$[?(@ == 'paysys')]").exists());
        mvc.perform(get("/api/test-metrics/projects/paysys/versions").with(httpBasic("zhouba", "demo")))
                .andExpect(jsonPath("$[0]").value("3.2.0")).andExpect(jsonPath("$[1]").value("3.1.0"));
    }

    @Test
    void trendAcrossVersions() throws Exception {
        mvc.perform(get("/api/test-metrics/projects/paysys/trend").with(httpBasic("zhouba", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].version").value("3.1.0"))
                .andExpect(jsonPath("$[0].lineCoverage").value(org.hamcrest.Matchers.closeTo(66.67, 0.01)))
                .andExpect(jsonPath("$[0].newFindings").value(2)) // semgrep: 3 results, 1 suppressed
                .andExpect(jsonPath("$[1].version").value("3.2.0"))
                .andExpect(jsonPath("$[1].passRate").value(75.0))
                .andExpect(jsonPath("$[1].executed").value(4))
                .andExpect(jsonPath("$[1].fixedFindings").value(2));
    }

    @Test
    void flakyTestsFlipAcrossRuns() throws Exception {
        // a: P F P → 2 flips over 3 runs; b fails every run and c passes every run: not flaky
        mvc.perform(get("/api/test-metrics/projects/paysys/versions/3.2.0/flaky").with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].test").value("pay.PayTest.a"))
                .andExpect(jsonPath("$[0].history").value("PFP"))
                .andExpect(jsonPath("$[0].flips").value(2))
                .andExpect(jsonPath("$[0].score").value(org.hamcrest.Matchers.closeTo(0.667, 0.001)));
    }

    @Test
    void pagesInBothLanguagesForReadersOnly() throws Exception {
        var tester = user("zhengshi").roles("TESTER");
        String runId = mvc.perform(get("/api/test-metrics/projects/paysys/versions/3.2.0").with(httpBasic("zhengshi", "demo")))
                .andReturn().getResponse().getContentAsString().replaceAll("(?s).*\"latest\":\\{\"runId\":(\\d+).*", "$1");
        for (String lang : new String[] {"zh_CN", "en"}) {
            for (String page : new String[] {"/test-metrics", "/test-metrics/paysys", "/test-metrics/paysys/3.2.0",
                    "/test-metrics/paysys/3.2.0/flaky", "/test-metrics/runs/" + runId}) {
                String html = mvc.perform(get(page).param("lang", lang).with(tester))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(html).as(page + " " + lang).doesNotContain("??");
            }
        }
        String en = mvc.perform(get("/test-metrics/paysys/3.2.0").param("lang", "en").with(tester))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("Quality gate", "boom b", "data-chart-option", "Defect escape rate");
        String zh = mvc.perform(get("/test-metrics").param("lang", "zh_CN").with(tester))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(zh).contains("上传测试报告", "tm-upload");
        String manager = mvc.perform(get("/test-metrics").with(user("zhouba").roles("IT_MANAGER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(manager).as("IT managers read but do not upload").doesNotContain("id=\"tm-upload\"");
        mvc.perform(get("/test-metrics/paysys/3.2.0").with(user("zhangsan").roles("BUSINESS")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/test-metrics/projects").with(httpBasic("zhangsan", "demo")))
                .andExpect(status().isForbidden());
    }

    @Autowired io.clearflow.testmetrics.api.DeliveryEvents delivery;

    @Test
    void doraFromRecordedDeliveryEventsAndItsPage() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        java.util.List<io.clearflow.testmetrics.api.DeliveryEvents.Deployment> deployments = new java.util.ArrayList<>();
        for (int i = 1; i <= 20; i++) { // 20 deployments in the last 10 days, two of them failed
            deployments.add(new io.clearflow.testmetrics.api.DeliveryEvents.Deployment("dorasys", "d" + i, "1." + i,
                    now.minus(java.time.Duration.ofHours(12L * i)), i % 10 != 0, false));
        }
        delivery.record(deployments, java.util.List.of(new io.clearflow.testmetrics.api.DeliveryEvents.Change("dorasys",
                        "c1", now.minus(java.time.Duration.ofHours(15)), "d1")),
                java.util.List.of(new io.clearflow.testmetrics.api.DeliveryEvents.Incident("dorasys", "i1",
                        now.minus(java.time.Duration.ofHours(119)), now.minus(java.time.Duration.ofHours(118)), "d10")));
        mvc.perform(get("/api/test-metrics/dora/dorasys").param("days", "30").with(httpBasic("zhouba", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deployments").value(20))
                .andExpect(jsonPath("$.metrics[0].key").value("deploymentFrequency"))
                .andExpect(jsonPath("$.metrics[0].band").value("high")) // 20 in 30 days: 0.67 per day, at least weekly
                .andExpect(jsonPath("$.metrics[1].value").value(3.0)) // d1 at now-12h, first commit now-15h
                .andExpect(jsonPath("$.metrics[1].band").value("elite"))
                .andExpect(jsonPath("$.metrics[2].value").value(10.0))
                .andExpect(jsonPath("$.metrics[2].band").value("high"))
                .andExpect(jsonPath("$.metrics[3].value").value(1.0));
        for (String lang : new String[] {"zh_CN", "en"}) {
            String html = mvc.perform(get("/test-metrics/dora").param("system", "dorasys").param("lang", lang)
                    .with(user("zhouba").roles("IT_MANAGER"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).doesNotContain("??").contains("tm-dora");
        }
        // demo data seeded with the demo organisation
        mvc.perform(get("/api/test-metrics/dora/ctrade").with(httpBasic("zhouba", "demo")))
                .andExpect(jsonPath("$.deployments").value(org.hamcrest.Matchers.greaterThan(10)));
    }

    @Test
    void maturityScoresFromEvidenceAndItsPage() throws Exception {
        // paysys: 3 runs with results this week → 0.75 per week → level 1; JaCoCo kept line coverage → precision 3
        mvc.perform(get("/api/test-metrics/maturity/paysys").with(httpBasic("chenqc", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(12))
                .andExpect(jsonPath("$[?(@.indicator == 'automatedTesting')].level").value(1))
                .andExpect(jsonPath("$[?(@.indicator == 'precisionTesting')].level").value(3))
                .andExpect(jsonPath("$[?(@.indicator == 'norms')].source").value(org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.startsWith("assessor"))));
        for (String lang : new String[] {"zh_CN", "en"}) {
            String html = mvc.perform(get("/test-metrics/maturity").param("project", "paysys").param("lang", lang)
                    .with(user("chenqc").roles("QC"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).doesNotContain("??").contains("tm-maturity-radar");
        }
    }

    @Test
    void pageUploadRedirectsToTheVersion() throws Exception {
        mvc.perform(multipart("/test-metrics/upload").file(new MockMultipartFile("file", "go.xml", null,
                        sample("junit/go-junit-report.xml"))).param("project", "uploadsys").param("version", "3.3.0")
                        .with(user("zhengshi").roles("TESTER"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/test-metrics/uploadsys/3.3.0"));
        mvc.perform(multipart("/test-metrics/upload").file(new MockMultipartFile("file", "x.xml", null,
                        sample("hostile/xxe-file.xml"))).param("project", "uploadsys").param("version", "3.3.0")
                        .with(user("zhengshi").roles("TESTER"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/test-metrics"))
                // a sentence in the reader's language around the reader's own words for the problem
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashError", "tm.rejected"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashErrorArgs", org.hamcrest.Matchers.arrayContaining(
                                org.hamcrest.Matchers.containsString("internal subset"))));
        mvc.perform(multipart("/test-metrics/upload").file(new MockMultipartFile("file", "go.xml", null,
                        sample("junit/go-junit-report.xml"))).param("project", "bad name!").param("version", "3.3.0")
                        .with(user("zhengshi").roles("TESTER"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashErrors", org.hamcrest.Matchers.contains("tm.error.project")));
    }
}
