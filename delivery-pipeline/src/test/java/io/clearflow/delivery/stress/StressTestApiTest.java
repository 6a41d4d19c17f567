package io.clearflow.delivery.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.delivery.DeliveryTestApplication;
import io.clearflow.delivery.evidence.EvidenceGate;
import io.clearflow.delivery.version.Versions;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.work.WorkService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The stress-test request process over the API as the demo people play it (wujiu requests, zhengshi plans, designs,
 * executes and reports, linops confirms and verifies), the results upload with the figures, bad files and
 * wrong roles that change nothing, the verdict with its numbers and the pre-go-live evidence it gives.
 */
@SpringBootTest(classes = DeliveryTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public class StressTestApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired EvidenceGate evidence;
    @Autowired Versions versions;

    static final String HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,"
            + "failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n";

    /** {@code n} samples 10 ms apart, elapsed 1..n ms, every {@code failEvery}-th failed (0: none). */
    static String jtl(int n, int failEvery, long start) {
        StringBuilder s = new StringBuilder(HEADER);
        for (int i = 1; i <= n; i++) {
            boolean ok = failEvery == 0 || i % failEvery != 0;
            s.append(start + (i - 1) * 10L).append(',').append(i).append(",4103").append(i % 3).append(',')
                    .append(ok ? "200,OK" : "500,\"Internal, error\"").append(",TG 1-1,text,").append(ok)
                    .append(",,100,50,1,1,http://ctrade/x,").append(i).append(",0,0\n");
        }
        return s.toString();
    }

    @Test
    void theWholeProcessWithResultsVerdictEvidenceAndReport() throws Exception {
        long versionId = version("ctrade");
        var ref = versions.find(versionId).orElseThrow();
        assertThat(evidence.missing(ref)).extracting(i -> i.kind()).contains("stress-test");

        // only developers request; unknown versions and wrong types are refused
        postJson("zhengshi", "/api/delivery/stress-tests", "{\"versionId\":" + versionId + "}").andExpect(status().isForbidden());
        postJson("wujiu", "/api/delivery/stress-tests", "{\"versionId\":999999}").andExpect(status().isBadRequest());
        postJson("wujiu", "/api/delivery/stress-tests", "{\"versionId\":\"x'; DROP TABLE del_stress_test;--\"}")
                .andExpect(status().isBadRequest());
        long id = read(postJson("wujiu", "/api/delivery/stress-tests",
                "{\"versionId\":" + versionId + ",\"scenariosWanted\":\"委托、成交回报写压力\"}")
                .andExpect(status().isCreated())).get("id").asLong();
        assertThat(inbox("zhengshi")).contains("ST-" + id + ":plan");
        assertThat(inbox("linops")).doesNotContain("ST-" + id + ":plan");

        // results may come before the formal design (a baseline); the figures as the issue defines them:
        // 100 samples, elapsed 1..100 ms, starts 10 ms apart: span = 990 + 100 = 1090 ms; p95 = 95th value = 95 ms
        long before = count("del_stress_result");
        JsonNode r = read(upload("zhengshi", id, "baseline.jtl", jtl(100, 20, 1_700_000_000_000L), null)
                .andExpect(status().isCreated()));
        assertThat(r.get("samples").asLong()).isEqualTo(100);
        assertThat(r.get("throughput").asDouble()).isCloseTo(100 / 1.09, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(r.get("p95Ms").asDouble()).isEqualTo(95.0);
        assertThat(r.get("errorRate").asDouble()).isEqualTo(0.05);
        assertThat(count("del_stress_result")).isEqualTo(before + 1);

        // hostile and broken files: 400 problem detail, nothing stored; wrong role 403; unknown test 404
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<testResults><httpSample t=\"1\" ts=\"1\" s=\"true\" lb=\"&x;\"/></testResults>";
        for (String bad : List.of(xxe, "", HEADER + "1000,5,a,200", "\u0000\u0001\u0002", "timeStamp,elapsed\n5,-1\n")) {
            upload("zhengshi", id, "bad.jtl", bad, null).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.file").exists());
        }
        upload("zhengshi", id, "x.jtl", jtl(10, 0, 1000), "SOMETIMES").andExpect(status().isBadRequest());
        upload("wujiu", id, "x.jtl", jtl(10, 0, 1000), null).andExpect(status().isForbidden());
        upload("zhengshi", 999_999, "x.jtl", jtl(10, 0, 1000), null).andExpect(status().isNotFound());
        assertThat(count("del_stress_result")).isEqualTo(before + 1);

        // plan with tasks, then the rest of the steps go to the planner
        postJson("zhengshi", "/api/delivery/stress-tests/" + id + "/plan", "{\"object\":\"ctrade\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.metrics").exists());
        postJson("zhengshi", "/api/delivery/stress-tests/" + id + "/plan", """
                {"object":"ctrade 集中交易","metrics":"吞吐、时延、CPU","method":"混合场景 + 摸高 + 稳定性",
                 "resources":"压测环境 4 路数据库","risks":"环境弱于生产",
                 "tasks":[{"title":"准备环境","owner":"zhengshi","deadline":"2026-12-10"}]}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("DESIGNING"));
        postJson("zhengshi", "/api/delivery/stress-tests/" + id + "/design", "{\"scenarios\":\"混合、基准、专项\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("EXECUTING"));

        // a peak-seeking run and a 2-hour stability run without errors; the system's peak is 100 TPS
        upload("zhengshi", id, "peak.jtl", jtl(1000, 0, 1_700_000_100_000L), "PEAK").andExpect(status().isCreated())
                .andExpect(jsonPath("$.phase").value("PEAK"));
        String stability = HEADER + "1700000200000,5,410301,200,OK,TG,text,true,,1,1,1,1,u,5,0,0\n"
                + "1700007400000,5,410301,200,OK,TG,text,true,,1,1,1,1,u,5,0,0\n";
        upload("zhengshi", id, "stability.jtl", stability, null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.phase").value("STABILITY"));
        mvc.perform(put("/api/delivery/systems/ctrade/stress-peak").with(httpBasic("wujiu", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"peakTps\":100,\"peakBandwidthMbps\":2000,"
                        + "\"bandwidthMbps\":10000}")).andExpect(status().isForbidden());
        mvc.perform(put("/api/delivery/systems/ctrade/stress-peak").with(httpBasic("linops", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"peakTps\":-1,\"peakBandwidthMbps\":2000,"
                        + "\"bandwidthMbps\":10000}")).andExpect(status().isBadRequest());
        mvc.perform(put("/api/delivery/systems/ctrade/stress-peak").with(httpBasic("linops", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"peakTps\":25,\"peakBandwidthMbps\":2000,"
                        + "\"bandwidthMbps\":10000}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.capacityFactor").value(3.0));

        postJson("zhengshi", "/api/delivery/stress-tests/" + id + "/executed", "").andExpect(status().isOk());
        postJson("zhengshi", "/api/delivery/stress-tests/" + id + "/report", """
                {"environment":"物理机，万兆网络","cases":"主功能 38 个功能号","process":"基准 20 分钟、摸高 8 分钟、稳定性 2 小时",
                 "anomalies":"无","conclusion":"满足 3 倍峰值"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CONFIRMING")).andExpect(jsonPath("$.verdictPassed").value(true));

        // peak run: 1000 samples, last starts at 9.99 s and takes 1 s: 10.99 s → 91/s ÷ 25 ≈ 3.64 ≥ 3; 10000 ≥ 2 × 2000 Mbps
        JsonNode detail = read(mvc.perform(get("/api/delivery/stress-tests/" + id).with(httpBasic("zhouba", "demo")))
                .andExpect(status().isOk()));
        JsonNode capacity = detail.at("/verdict/checks/0");
        assertThat(capacity.get("name").asText()).isEqualTo("capacity");
        assertThat(capacity.get("value").asDouble()).isCloseTo(1000 / 10.99 / 25, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(detail.at("/verdict/checks/1/threshold").asDouble()).isEqualTo(4000.0);
        assertThat(detail.get("results")).hasSize(3);
        assertThat(detail.at("/results/1/labels")).hasSize(3);

        assertThat(evidence.missing(ref)).filteredOn(i -> i.kind().equals("stress-test")).isNotEmpty(); // not confirmed yet
        postJson("zhengshi", "/api/delivery/stress-tests/" + id + "/confirm", "{\"confirmed\":true,\"upgradeRisk\":\"low\"}")
                .andExpect(status().isForbidden());
        postJson("linops", "/api/delivery/stress-tests/" + id + "/confirm", "{\"confirmed\":true,\"upgradeRisk\":\"huge\"}")
                .andExpect(status().isBadRequest());
        postJson("linops", "/api/delivery/stress-tests/" + id + "/confirm", "{\"confirmed\":true,\"upgradeRisk\":\"low\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("ARCHIVED"));
        // the stress test's part is complete (a critical system also needs its code audit, gated on its own)
        assertThat(evidence.missing(ref)).filteredOn(i -> i.kind().equals("stress-test")).isEmpty();
        upload("zhengshi", id, "late.jtl", jtl(10, 0, 1000), null).andExpect(status().isConflict());

        assertThat(inbox("linops")).contains("ST-" + id + ":verifyProduction");
        postJson("linops", "/api/delivery/stress-tests/" + id + "/production-verification",
                "{\"passed\":true,\"note\":\"升级窗口内生产验证通过\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("VERIFIED"));
        assertThat(jdbc.queryForList("SELECT kind FROM del_timeline WHERE version_id = ?", String.class, versionId))
                .contains("stress.requested", "stress.results", "stress.reported", "stress.archived", "stress.verified");

        // the report as Word: opened with POI, the seed's sections, the results and the verdict's numbers are in it
        var response = mvc.perform(get("/api/delivery/stress-tests/" + id + "/report.docx").with(httpBasic("zhouba", "demo"))
                .param("lang", "en")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml");
        try (XWPFDocument doc = docx(response.getContentAsByteArray());
             var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            String all = text.getText();
            assertThat(all).contains("Stress test report ST-" + id, "Environment", "物理机，万兆网络", "Cases", "Process",
                    "Anomalies", "Conclusion", "满足 3 倍峰值", "peak.jtl", "stability.jtl", "Capacity ÷ historical peak",
                    "3.64", "4000.00", "Passed", "410301");
        }
        // the report as PDF, in Chinese (the default): the embedded CJK font makes the headings extractable text
        var pdfResponse = mvc.perform(get("/api/delivery/stress-tests/" + id + "/report.pdf").with(httpBasic("zhouba", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(pdfResponse.getContentType()).isEqualTo("application/pdf");
        // kept for a look (like the browser tests' screenshots): target/stress-report-sample.pdf
        java.nio.file.Files.write(java.nio.file.Path.of("target", "stress-report-sample.pdf"), pdfResponse.getContentAsByteArray());
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(pdfResponse.getContentAsByteArray())) {
            assertThat(pdf.getPage(0).getResources().getFontNames()).isNotEmpty();
            String all = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertThat(all).contains("压力测试报告 ST-" + id, "测试环境", "物理机，万兆网络", "测试用例", "测试过程", "结果",
                    "异常", "结论", "满足 3 倍峰值", "peak.jtl", "stability.jtl", "3.64", "4000.00", "410301", "吞吐与时延");
            // a font that is embedded, not merely named: viewers without the font still show the Chinese
            var font = pdf.getPage(0).getResources().getFont(pdf.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
        }
        mvc.perform(get("/api/delivery/stress-tests/" + id + "/report.pdf").with(httpBasic("zhangsan", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/delivery/stress-tests/999999/report.pdf").with(httpBasic("zhouba", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/delivery/stress-tests/999999/report.docx").with(httpBasic("zhouba", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/delivery/stress-tests/" + id + "/report.docx").with(httpBasic("zhangsan", "demo")))
                .andExpect(status().isForbidden());
    }

    /** A file holding the whole run: its phases over the API, the boundaries corrected, bad ones refused. */
    @Test
    void aWholeRunFileIsSplitIntoPhasesAndTheBoundariesCanBeCorrected() throws Exception {
        long id = read(postJson("wujiu", "/api/delivery/stress-tests", "{\"versionId\":" + version("ctrade") + "}")
                .andExpect(status().isCreated())).get("id").asLong();
        long resultId = read(upload("zhengshi", id, "whole-run.jtl", PhaseSplitTest.wholeRun(), "OTHER")
                .andExpect(status().isCreated())).get("id").asLong();
        String base = "/api/delivery/stress-tests/" + id;
        JsonNode phases = read(mvc.perform(get(base).with(httpBasic("zhouba", "demo")))).at("/results/0/phases");
        assertThat(phases).hasSize(3);
        assertThat(phases.get(0).get("phase").asText()).isEqualTo("BASELINE");
        assertThat(phases.get(1).get("phase").asText()).isEqualTo("PEAK");
        assertThat(phases.get(1).get("throughput").asDouble()).isEqualTo(30.0);
        assertThat(phases.get(2).get("phase").asText()).isEqualTo("STABILITY");

        String path = base + "/results/" + resultId + "/phases";
        for (String bad : List.of("{\"boundsMinutes\":[28,19]}", "{\"boundsMinutes\":[-5]}", "{\"boundsMinutes\":[99999]}",
                "{\"boundsMinutes\":[\"x'; DROP TABLE del_stress_result;--\"]}", "{\"boundsMinutes\":[null]}")) {
            postJson("zhengshi", path, bad).andExpect(status().isBadRequest());
        }
        postJson("wujiu", path, "{\"boundsMinutes\":[19,28]}").andExpect(status().isForbidden());
        postJson("zhengshi", base + "/results/999999/phases", "{\"boundsMinutes\":[19]}").andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT phase_bounds FROM del_stress_result WHERE id = ?", String.class, resultId)).isNull();

        JsonNode corrected = read(postJson("zhengshi", path, "{\"boundsMinutes\":[19,28]}").andExpect(status().isOk()));
        assertThat(corrected.get("phasesSetByHand").asBoolean()).isTrue();
        assertThat(corrected.at("/phases/1/samples").asLong()).isEqualTo(60 * 20 + 8 * 60 * 30);
        assertThat(corrected.at("/phases/0/phase").asText()).isEqualTo("BASELINE");
        // back to the detected ones
        JsonNode detected = read(postJson("zhengshi", path, "{}").andExpect(status().isOk()));
        assertThat(detected.get("phasesSetByHand").asBoolean()).isFalse();
        assertThat(detected.at("/phases/1/samples").asLong()).isEqualTo(8 * 60 * 30);
    }

    @Test
    void workloadModelAndItsExportOverTheApi() throws Exception {
        String sample = "function_code,business,count\n410301,trade,600\n410302,trade,300\n410501,query,95\n"
                + "410502,query,4\n100001,admin,1\n";
        var file = new MockMultipartFile("file", "calls.csv", null, sample.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/delivery/stress-tests/workload").file(file).param("peakTps", "100")
                        .with(httpBasic("zhengshi", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.mainSet.length()").value(3)).andExpect(jsonPath("$.targetTps").value(300.0));
        String csv = mvc.perform(multipart("/api/delivery/stress-tests/workload.csv").file(file).param("peakTps", "100")
                        .with(httpBasic("zhengshi", "demo"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(csv).contains("FULL,full,410301,trade,0.600000,180.000");
        mvc.perform(multipart("/api/delivery/stress-tests/workload").file(file).param("peakTps", "abc")
                .with(httpBasic("zhengshi", "demo"))).andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/delivery/stress-tests/workload").file(file).param("peakTps", "100")
                .param("multiple", "-1").with(httpBasic("zhengshi", "demo"))).andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/delivery/stress-tests/workload")
                .file(new MockMultipartFile("file", "x.csv", null, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)))
                .param("peakTps", "100").with(httpBasic("zhengshi", "demo"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").exists());
        MockMultipartFile badRow = new MockMultipartFile("file", "x.csv", null,
                "function_code,business,count\n410301,trade,x\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/delivery/stress-tests/workload").file(badRow).param("peakTps", "100")
                .with(httpBasic("zhengshi", "demo"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("调用样本第 2 行格式错误"))
                .andExpect(jsonPath("$.errors.file").value("调用样本有一行格式错误"));
        mvc.perform(multipart("/api/delivery/stress-tests/workload").file(badRow).param("peakTps", "100")
                .param("lang", "en").header("Accept-Language", "en").with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("Line 2 of the call sample is malformed"))
                .andExpect(jsonPath("$.errors.file").value("A line of the call sample is malformed"));
        mvc.perform(multipart("/api/delivery/stress-tests/workload").file(file).param("peakTps", "100")
                .with(httpBasic("zhangsan", "demo"))).andExpect(status().isForbidden());
    }

    @Test
    void aggregateOnlyFormatsSayWhichFiguresAreTheTools() throws Exception {
        long id = read(postJson("wujiu", "/api/delivery/stress-tests", "{\"versionId\":" + version("clearflow") + "}")
                .andExpect(status().isCreated())).get("id").asLong();
        String k6 = """
                {"metrics":{"http_reqs":{"count":500,"rate":25.5},"http_req_duration":{"med":20,"p(95)":61.5},
                 "http_req_failed":{"passes":5,"fails":495,"value":0.01}}}""";
        upload("zhengshi", id, "summary.json", k6, null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.samples").value(500)).andExpect(jsonPath("$.throughput").value(25.5))
                .andExpect(jsonPath("$.p95Ms").value(61.5)).andExpect(jsonPath("$.errorRate").value(0.01))
                .andExpect(jsonPath("$.format").value("K6_SUMMARY"))
                .andExpect(jsonPath("$.toolFigures[0]").value("throughput"));
    }

    long version(String system) throws Exception {
        return read(postJson("wujiu", "/api/delivery/versions", "{\"system\":\"" + system + "\",\"version\":\"2."
                + UUID.randomUUID().toString().substring(0, 8) + "\"}").andExpect(status().isCreated())).get("id").asLong();
    }

    ResultActions upload(String user, long id, String name, String content, String phase) throws Exception {
        var request = multipart("/api/delivery/stress-tests/" + id + "/results")
                .file(new MockMultipartFile("file", name, null, content.getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic(user, "demo"));
        if (phase != null) {
            request.param("phase", phase);
        }
        return mvc.perform(request);
    }

    ResultActions postJson(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    List<String> inbox(String user) {
        return work.inbox(directory.requireMember(user), 0, 200).stream().map(t -> t.businessKey() + ":" + t.activityId()).toList();
    }

    static XWPFDocument docx(byte[] bytes) throws Exception {
        return new XWPFDocument(new ByteArrayInputStream(bytes));
    }
}
