package io.clearflow.testmetrics.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.testmetrics.TestMetricsTestApplication;
import io.clearflow.testmetrics.api.DefectRecord;
import io.clearflow.testmetrics.api.GateMetric;
import io.clearflow.testmetrics.api.GateRequest;
import io.clearflow.testmetrics.api.QualityGates;
import io.clearflow.testmetrics.api.TestEvidence;
import io.clearflow.testmetrics.api.Verdict;
import io.clearflow.testmetrics.metrics.ChangedLinesTest;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The gate over REST and the Java API on uploaded corpus reports: the default rule set with a diff,
 * fingerprints against the previous version, defects recorded through {@link TestEvidence}, and the
 * latest run deciding the test figures.
 */
@SpringBootTest(classes = TestMetricsTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public class QualityGateApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired QualityGates gates;
    @Autowired TestEvidence evidence;
    @Autowired io.clearflow.testmetrics.maturity.MaturityService maturity;

    void upload(String sample, String version, String run) throws Exception {
        byte[] content;
        try (InputStream in = getClass().getResourceAsStream("/reports/" + sample)) {
            content = in.readAllBytes();
        }
        var request = multipart("/api/test-metrics/reports").file(new MockMultipartFile("file", "r", null, content))
                .param("project", "gatesys").param("version", version).with(httpBasic("zhengshi", "demo"));
        if (run != null) {
            request.param("run", run);
        }
        mvc.perform(request).andExpect(status().isCreated());
    }

    @Test
    void defaultRuleSetOnUploadedEvidence() throws Exception {
        upload("sarif/semgrep.sarif", "3.1.0", null);
        upload("junit/surefire-TEST-io.clearflow.ctrade.OrderServiceTest.xml", "3.2.0", "1");
        upload("coverage/jacoco.xml", "3.2.0", "1");
        upload("sarif/semgrep.sarif", "3.2.0", "1");
        evidence.recordDefects("gatesys", List.of(
                new DefectRecord("GS-1", "3.2.0", "limit check wrong", "major", "integration", true,
                        "io.clearflow.ctrade.OrderServiceTest.matchesCrossOrders", Instant.parse("2024-06-01T00:00:00Z"), null),
                new DefectRecord("GS-2", "3.2.0", "typo", "minor", "acceptance", true, null,
                        Instant.parse("2024-06-02T00:00:00Z"), null)));

        String body = json.writeValueAsString(Map.of("project", "gatesys", "version", "3.2.0",
                "diff", ChangedLinesTest.DIFF));
        mvc.perform(post("/api/test-metrics/gates/default/evaluations").contentType(MediaType.APPLICATION_JSON)
                        .content(body).with(httpBasic("zhouba", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("FAIL"))
                .andExpect(jsonPath("$.rules.length()").value(7))
                .andExpect(jsonPath("$.rules[0].metric").value("TESTS_EXECUTED"))
                .andExpect(jsonPath("$.rules[0].actual").value(5))
                .andExpect(jsonPath("$.rules[0].verdict").value("PASS"))
                .andExpect(jsonPath("$.rules[1].actual").value(80.0)) // 4 passed of 5 executed
                .andExpect(jsonPath("$.rules[1].verdict").value("FAIL"))
                .andExpect(jsonPath("$.rules[1].threshold").value(100))
                .andExpect(jsonPath("$.rules[1].evidence.run").value("1"))
                .andExpect(jsonPath("$.rules[2].actual").value(66.66)) // 10 of 15 lines
                .andExpect(jsonPath("$.rules[3].actual").value(100.0)) // changed lines 20, 21, 23 all covered
                .andExpect(jsonPath("$.rules[3].verdict").value("PASS"))
                .andExpect(jsonPath("$.rules[4].actual").value(1)) // semgrep's one unsuppressed error
                .andExpect(jsonPath("$.rules[5].actual").value(0)) // same fingerprints as 3.1.0
                .andExpect(jsonPath("$.rules[5].evidence.previousVersion").value("3.1.0"))
                .andExpect(jsonPath("$.rules[6].actual").value(1))
                .andExpect(jsonPath("$.rules[6].evidence.defects[0]").value("GS-1 (major)"));

        // a later run that passes everything decides the test figures; without a diff that rule does not apply
        upload("junit/bom-no-declaration.xml", "3.2.0", "2");
        var result = gates.evaluate(new GateRequest("default", "gatesys", "3.2.0"));
        var passRate = result.rules().stream().filter(r -> r.metric() == GateMetric.PASS_RATE).findFirst().orElseThrow();
        assertThat(passRate.verdict()).isEqualTo(Verdict.PASS);
        assertThat(passRate.evidence()).containsEntry("run", "2");
        assertThat(result.rules().stream().filter(r -> r.metric() == GateMetric.CHANGED_CODE_COVERAGE).findFirst()
                .orElseThrow().verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(gates.evaluate(new GateRequest("smoke", "gatesys", "3.2.0")).verdict()).isEqualTo(Verdict.PASS);
        assertThat(gates.ruleSets()).contains("default", "smoke");
        // every evaluation is kept as the maturity model's decision-support evidence: 3.2.0 was gated by two rule sets
        var gated = maturity.evidence("gatesys", Instant.now()).gates();
        assertThat(gated.gated()).isPositive().isLessThanOrEqualTo(gated.versions());
        assertThat(gated.gatedEntryAndExit()).isPositive();
        assertThat(maturity.score("gatesys").stream().filter(s -> s.indicator().equals("decisionSupport")).findFirst()
                .orElseThrow().source()).startsWith("evidence: ");
    }

    @Test
    void defectsOverRestCountInTheGate() throws Exception {
        upload("junit/go-junit-report.xml", "5.0.0", null);
        String body = "[{\"key\":\"GS-9\",\"foundInVersion\":\"5.0.0\",\"title\":\"crash\",\"severity\":\"critical\","
                + "\"phase\":\"production\",\"open\":true,\"createdAt\":\"2024-06-01T00:00:00Z\"}]";
        mvc.perform(post("/api/test-metrics/projects/gatesys/defects").contentType(MediaType.APPLICATION_JSON)
                        .content(body).with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.written").value(1));
        mvc.perform(post("/api/test-metrics/projects/gatesys/defects").contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("critical", "huge")).with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/test-metrics/projects/gatesys/defects").contentType(MediaType.APPLICATION_JSON)
                        .content(body).with(httpBasic("zhouba", "demo")))
                .andExpect(status().isForbidden());
        var severe = gates.evaluate(new GateRequest("default", "gatesys", "5.0.0")).rules().stream()
                .filter(r -> r.metric() == GateMetric.OPEN_MAJOR_DEFECTS).findFirst().orElseThrow();
        assertThat(severe.actual()).isEqualByComparingTo("1");
        assertThat(severe.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void unknownRuleSetsAndVersionsAndStrangers() throws Exception {
        mvc.perform(post("/api/test-metrics/gates/nope/evaluations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"project\":\"gatesys\",\"version\":\"3.2.0\"}").with(httpBasic("wujiu", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/test-metrics/gates/default/evaluations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"project\":\"nosuch\",\"version\":\"1\"}").with(httpBasic("wujiu", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/test-metrics/gates/default/evaluations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":\"1\"}").with(httpBasic("wujiu", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/test-metrics/gates/default/evaluations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"project\":\"gatesys\",\"version\":\"3.2.0\"}").with(httpBasic("zhangsan", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/test-metrics/gates").with(httpBasic("chenqc", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.default.rules[2].metric").value("LINE_COVERAGE"))
                .andExpect(jsonPath("$.default.rules[2].threshold").value(80));
    }
}
