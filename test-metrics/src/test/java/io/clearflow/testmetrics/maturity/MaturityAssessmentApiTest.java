package io.clearflow.testmetrics.maturity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.testmetrics.TestMetricsTestApplication;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Maturity assessments: the questionnaire (JSON, multipart with evidence files, the page form), where every
 * score came from, history and comparison with the previous assessment, next steps from the criteria data,
 * refusals that store nothing, roles, and the page in both languages.
 */
@SpringBootTest(classes = TestMetricsTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class MaturityAssessmentApiTest {

    static final MaturityModel MODEL = MaturityModel.load();

    @Autowired MockMvc mvc;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void seed() throws Exception {
        mvc.perform(multipart("/api/test-metrics/reports").file(new MockMultipartFile("file", "r.xml", null,
                        "<testsuite name=\"a.T\"><testcase classname=\"a.T\" name=\"x\" time=\"0.1\"/></testsuite>"
                                .getBytes(StandardCharsets.UTF_8))).param("project", "assys").param("version", "1.0.0")
                        .param("run", "1").with(httpBasic("wujiu", "demo")))
                .andExpect(status().isCreated());
    }

    static String assessment(String kind, String subject, int target, String answers) {
        return "{\"kind\":\"" + kind + "\",\"subject\":\"" + subject + "\",\"targetLevel\":" + target
                + ",\"answers\":[" + answers + "]}";
    }

    int history(String kind, String subject) throws Exception {
        String body = mvc.perform(get("/api/test-metrics/maturity/assessments").param("kind", kind).param("subject", subject)
                .with(httpBasic("chenqc", "demo"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).size();
    }

    @Test
    void assessmentsKeepWhereEveryScoreCameFromAndCompareWithThePreviousOne() throws Exception {
        mvc.perform(get("/api/test-metrics/maturity/overview").param("kind", "SYSTEM").param("subject", "assys")
                        .with(httpBasic("chenqc", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.latest").doesNotExist())
                .andExpect(jsonPath("$.indicators.length()").value(12))
                .andExpect(jsonPath("$.indicators[?(@.indicator == 'automatedTesting')].source").value(Matchers.hasItem("EVIDENCE")));
        mvc.perform(post("/api/test-metrics/maturity/assessments").contentType(MediaType.APPLICATION_JSON)
                        .content(assessment("SYSTEM", "assys", 4,
                                "{\"indicator\":\"norms\",\"level\":2,\"text\":\"test plan template used\",\"link\":\"https://wiki.example/norms\"},"
                                        + "{\"indicator\":\"shiftRight\",\"level\":1,\"text\":\"incidents only\"}"))
                        .with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.assessedBy").value("zhengshi"))
                .andExpect(jsonPath("$.scores.length()").value(12))
                .andExpect(jsonPath("$.scores[?(@.indicator == 'norms')].source").value(Matchers.hasItem("ASSESSOR")))
                .andExpect(jsonPath("$.scores[?(@.indicator == 'norms')].by").value(Matchers.hasItem("zhengshi")))
                .andExpect(jsonPath("$.scores[?(@.indicator == 'norms')].basis").value(Matchers.hasItem("test plan template used")))
                .andExpect(jsonPath("$.scores[?(@.indicator == 'automatedTesting')].source").value(Matchers.hasItem("EVIDENCE")))
                .andExpect(jsonPath("$.scores[?(@.indicator == 'automatedTesting')].by").value(Matchers.hasItem("platform")))
                .andExpect(jsonPath("$.scores[?(@.indicator == 'automatedTesting')].basis").value(Matchers.hasItem(
                        Matchers.startsWith("evidence: "))))
                .andExpect(jsonPath("$.scores[?(@.indicator == 'researchCapability')].source").value(Matchers.hasItem("NONE")));
        // the IT manager assesses again a month later, with a file as evidence
        byte[] pdf = "%PDF-1.4 norms v2".getBytes(StandardCharsets.UTF_8);
        String second = mvc.perform(multipart("/api/test-metrics/maturity/assessments")
                        .file(new MockMultipartFile("assessment", "", MediaType.APPLICATION_JSON_VALUE, assessment("SYSTEM", "assys", 4,
                                "{\"indicator\":\"norms\",\"level\":3,\"text\":\"entry and exit criteria for all stages\"}")
                                .getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("evidence.norms", "../../norms <v2>.pdf", "text/html", pdf))
                        .with(httpBasic("zhouba", "demo")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scores[?(@.indicator == 'norms')].fileName").value(Matchers.hasItem("norms <v2>.pdf")))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(second).get("id").asLong();
        mvc.perform(get("/api/test-metrics/maturity/assessments/{id}/evidence/norms", id).with(httpBasic("chenqc", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().bytes(pdf))
                .andExpect(content().contentType(MediaType.APPLICATION_OCTET_STREAM))
                .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(get("/api/test-metrics/maturity/assessments/{id}/evidence/shiftRight", id).with(httpBasic("chenqc", "demo")))
                .andExpect(status().isNotFound());
        String nextStep = MODEL.indicators().stream().filter(i -> i.key().equals("norms")).findFirst().orElseThrow()
                .criterion(4, Locale.ENGLISH);
        mvc.perform(get("/api/test-metrics/maturity/overview").param("kind", "SYSTEM").param("subject", "assys")
                        .param("lang", "en").with(httpBasic("chenqc", "demo")))
                .andExpect(jsonPath("$.latest.id").value(id))
                .andExpect(jsonPath("$.previous.assessedBy").value("zhengshi"))
                .andExpect(jsonPath("$.targetLevel").value(4))
                .andExpect(jsonPath("$.indicators[?(@.indicator == 'norms')].level").value(Matchers.hasItem(3)))
                .andExpect(jsonPath("$.indicators[?(@.indicator == 'norms')].previousLevel").value(Matchers.hasItem(2)))
                .andExpect(jsonPath("$.indicators[?(@.indicator == 'norms')].nextStep").value(Matchers.hasItem(nextStep)))
                // shift-right was not answered this time: unscored now, level 1 before
                .andExpect(jsonPath("$.indicators[?(@.indicator == 'shiftRight')].source").value(Matchers.hasItem("NONE")))
                .andExpect(jsonPath("$.indicators[?(@.indicator == 'shiftRight')].previousLevel").value(Matchers.hasItem(1)))
                .andExpect(jsonPath("$.history.length()").value(2));
        for (String lang : new String[] {"zh_CN", "en"}) {
            String html = mvc.perform(get("/test-metrics/maturity").param("project", "assys").param("lang", lang)
                    .with(user("zhengshi").roles("TESTER"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).doesNotContain("??").contains("tm-maturity-radar", "tm-maturity-domain-radar",
                    "tm-assessment-history", "tm-assessment-form", "name=\"level.norms\"", "evidence/norms")
                    .doesNotContain("name=\"level.automatedTesting\""); // measured, not asked
        }
    }

    @Test
    void refusalsNameTheFieldInTheReadersLanguageAndStoreNothing() throws Exception {
        int before = history("SYSTEM", "assys");
        String[][] bad = {
                {assessment("SYSTEM", "assys", 3, "{\"indicator\":\"automatedTesting\",\"level\":5,\"text\":\"we say so\"}"), "answers[0].indicator", "The platform scores this indicator"},
                {assessment("SYSTEM", "assys", 3, "{\"indicator\":\"happiness\",\"level\":5,\"text\":\"x\"}"), "answers[0].indicator", "Not an indicator"},
                {assessment("SYSTEM", "assys", 3, "{\"indicator\":\"norms\",\"level\":2}"), "answers[0].text", "A level needs its justification"},
                {assessment("SYSTEM", "assys", 3, "{\"indicator\":\"norms\",\"level\":2,\"text\":\"x\",\"link\":\"javascript:alert(1)\"}"), "answers[0].link", "The evidence link is an http"},
                {assessment("SYSTEM", "assys", 9, ""), "targetLevel", "The target level is 1 to 5"},
                {assessment("SYSTEM", "nosuchsys", 3, ""), "subject", "No test evidence"},
                {assessment("SYSTEM", "x'; DROP TABLE tm_assessment;--", 3, ""), "subject", "The system code or team name"},
        };
        for (String[] b : bad) {
            mvc.perform(post("/api/test-metrics/maturity/assessments").contentType(MediaType.APPLICATION_JSON).content(b[0])
                            .param("lang", "en").with(httpBasic("zhengshi", "demo")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors['" + b[1] + "']").value(Matchers.startsWith(b[2])));
        }
        mvc.perform(post("/api/test-metrics/maturity/assessments").contentType(MediaType.APPLICATION_JSON)
                        .content(assessment("SYSTEM", "assys", 3, "{\"indicator\":\"norms\",\"level\":2}"))
                        .param("lang", "zh_CN").with(httpBasic("zhengshi", "demo")))
                .andExpect(jsonPath("$.errors['answers[0].text']").value(Matchers.startsWith("选择等级时须填写理由")));
        mvc.perform(post("/api/test-metrics/maturity/assessments").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"GALAXY\",\"subject\":\"assys\",\"targetLevel\":\"three\"}").with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isBadRequest());
        // a file for an indicator without an answer, a file over 5 MB
        mvc.perform(multipart("/api/test-metrics/maturity/assessments")
                        .file(new MockMultipartFile("assessment", "", MediaType.APPLICATION_JSON_VALUE,
                                assessment("SYSTEM", "assys", 3, "").getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("evidence.norms", "n.pdf", "application/pdf", new byte[10]))
                        .with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['evidence.norms']").exists());
        mvc.perform(multipart("/api/test-metrics/maturity/assessments")
                        .file(new MockMultipartFile("assessment", "", MediaType.APPLICATION_JSON_VALUE, assessment("SYSTEM", "assys", 3,
                                "{\"indicator\":\"norms\",\"level\":2,\"text\":\"x\"}").getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("evidence.norms", "n.pdf", "application/pdf", new byte[EvidenceUpload.MAX_BYTES + 1]))
                        .with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['evidence.norms']").exists());
        // QC and developers read but do not assess; business staff do not read
        mvc.perform(post("/api/test-metrics/maturity/assessments").contentType(MediaType.APPLICATION_JSON)
                        .content(assessment("SYSTEM", "assys", 3, "")).with(httpBasic("chenqc", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/test-metrics/maturity/assessments").contentType(MediaType.APPLICATION_JSON)
                        .content(assessment("SYSTEM", "assys", 3, "")).with(httpBasic("wujiu", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/test-metrics/maturity/overview").param("kind", "SYSTEM").param("subject", "assys")
                        .with(httpBasic("zhangsan", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/test-metrics/maturity/assessments/987654").with(httpBasic("chenqc", "demo")))
                .andExpect(status().isNotFound());
        assertThat(history("SYSTEM", "assys")).isEqualTo(before);
    }

    @Test
    void teamsAreAssessedByQuestionnaireAloneAndThroughThePage() throws Exception {
        // a team has no platform evidence: every indicator is asked, automated testing included
        mvc.perform(post("/api/test-metrics/maturity/assessments").contentType(MediaType.APPLICATION_JSON)
                        .content(assessment("TEAM", "qa-team", 3,
                                "{\"indicator\":\"automatedTesting\",\"level\":2,\"text\":\"nightly suite\"}"))
                        .with(httpBasic("zhouba", "demo")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scores[?(@.indicator == 'automatedTesting')].source").value(Matchers.hasItem("ASSESSOR")));
        mvc.perform(multipart("/test-metrics/maturity/assessments").param("kind", "TEAM").param("subject", "qa-team")
                        .param("target", "4").param("level.automatedTesting", "3").param("text.automatedTesting", "CI on every merge")
                        .param("level.norms", "").param("text.norms", "")
                        .with(user("zhengshi").roles("TESTER")).with(csrf()))
                .andExpect(redirectedUrl("/test-metrics/maturity?team=qa-team"))
                .andExpect(flash().attribute("flash", "tm.assess.saved"));
        mvc.perform(multipart("/test-metrics/maturity/assessments").param("kind", "TEAM").param("subject", "qa-team")
                        .param("target", "4").param("level.norms", "2").param("text.norms", "x").param("link.norms", "ftp://x")
                        .with(user("zhengshi").roles("TESTER")).with(csrf()))
                .andExpect(flash().attribute("flashErrors", Matchers.contains("tm.assess.error.link")));
        mvc.perform(multipart("/test-metrics/maturity/assessments").param("kind", "TEAM").param("subject", "qa-team")
                        .param("target", "4").with(user("chenqc").roles("QC")).with(csrf()))
                .andExpect(status().isForbidden());
        // the same form posted without a file input (urlencoded) is still an assessment, without files
        mvc.perform(post("/test-metrics/maturity/assessments").param("kind", "TEAM").param("subject", "qa-team")
                        .param("target", "4").param("level.shiftLeft", "2").param("text.shiftLeft", "reviews")
                        .with(user("zhouba").roles("IT_MANAGER")).with(csrf()))
                .andExpect(flash().attribute("flash", "tm.assess.saved"));
        assertThat(history("TEAM", "qa-team")).isEqualTo(3);
        for (String lang : new String[] {"zh_CN", "en"}) {
            String html = mvc.perform(get("/test-metrics/maturity").param("team", "qa-team").param("lang", lang)
                    .with(user("chenqc").roles("QC"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).doesNotContain("??").contains("tm-maturity-radar", "qa-team")
                    .doesNotContain("tm-assessment-form"); // QC reads only
        }
    }
}
