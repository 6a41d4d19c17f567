package io.clearflow.mining.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.mining.MiningTestApplication;
import io.clearflow.mining.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The pages render every label in both languages, with charts described as data; roles are enforced. */
@SpringBootTest(classes = MiningTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MiningPagesTest {

    @Autowired MockMvc mvc;

    private String page(String path, String lang) throws Exception {
        return mvc.perform(get(path).param("lang", lang).with(user("sunqi").roles("PROCESS_OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void uploadThenEveryAnalysisOnTheLogPage() throws Exception {
        byte[] xes = Files.readAllBytes(SharedData.eventLog("reviewing.xes"));
        String location = mvc.perform(multipart("/mining/upload")
                        .file(new MockMultipartFile("file", "reviewing.xes", "application/xml", xes))
                        .with(user("sunqi").roles("PROCESS_OWNER")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/mining/logs/*"))
                .andReturn().getResponse().getRedirectedUrl();

        for (String lang : new String[] {"zh_CN", "en"}) {
            String list = page("/mining", lang);
            assertThat(list).doesNotContain("??").contains("reviewing.xes", "mining-upload", "caseColumn",
                    "id=\"ocel-object-type-select\"", "/api/mining/logs/object-types", "OCEL");
            String log = page(location, lang);
            assertThat(log).doesNotContain("??")
                    .contains("id=\"process-map\"", "/api/mining/logs/", "data-chart-option=", "id=\"variants\"",
                            "invite reviewers", "id=\"bottleneck-activities\"", "id=\"conformance-form\"",
                            "id=\"map-view\"", "value=\"performance\"", "value=\"heuristics\"", "/heuristics",
                            "data-performance-hover=", "id=\"chart-handover\"", "id=\"chart-together\"",
                            "id=\"activity-resources\"");
        }
        assertThat(page(location, "zh_CN")).contains("流程图", "指标体系", "瓶颈", "启发式网络", "中位", "组织挖掘", "工作交接网络");
        assertThat(page(location, "en")).contains("Heuristics net", "Performance (edges coloured by median time)");

        var download = mvc.perform(get(location + "/model.bpmn").param("noise", "0.2")
                        .with(user("sunqi").roles("PROCESS_OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse();
        byte[] bpmn = download.getContentAsByteArray();
        // named after what it models and the day, not the log's id
        String logId = location.substring(location.lastIndexOf('/') + 1);
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;")
                .containsPattern("filename\\*?=\"?(UTF-8'')?reviewing-\\d{4}-\\d{2}-\\d{2}\\.bpmn20\\.xml")
                .doesNotContain(logId);
        // and drawn on the page before anyone downloads it
        assertThat(page(location, "zh_CN")).contains("id=\"discovery-preview\"", location + "/model.png");
        var png = mvc.perform(get(location + "/model.png").param("noise", "0.2").with(user("sunqi").roles("PROCESS_OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(png.getContentType()).isEqualTo("image/png");
        assertThat(java.util.Arrays.copyOf(png.getContentAsByteArray(), 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        String conformance = mvc.perform(multipart(location + "/conformance")
                        .file(new MockMultipartFile("model", "model.bpmn", "application/xml", bpmn))
                        .with(user("sunqi").roles("PROCESS_OWNER")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(conformance).contains("id=\"conformance-fitness\">1.0000<", "id=\"alignment-fitness\"", "对齐拟合度");
        String discovered = mvc.perform(post(location + "/conformance/discovered")
                        .with(user("sunqi").roles("PROCESS_OWNER")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(discovered).contains("id=\"conformance-fitness\">1.0000<", "id=\"alignment-fitness\"");
        String bad = mvc.perform(multipart(location + "/conformance")
                        .file(new MockMultipartFile("model", "model.bpmn", "application/xml", "<nope".getBytes()))
                        .with(user("sunqi").roles("PROCESS_OWNER")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("id=\"conformance-error\"", "模型文件不是格式正确的 XML").doesNotContain("not well-formed");
    }

    @Test
    void aLogWithoutTimestampsIsAnalysedAndItsPageSaysTheTimesAreUnavailableInBothLanguages() throws Exception {
        String xes = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1.0\">"
                + "<trace><string key=\"concept:name\" value=\"t1\"/><event><string key=\"concept:name\" value=\"open\"/></event>"
                + "<event><string key=\"concept:name\" value=\"close\"/></event></trace>"
                + "<trace><event><string key=\"concept:name\" value=\"open\"/></event>"
                + "<event><string key=\"concept:name\" value=\"close\"/></event></trace></log>";
        String location = mvc.perform(multipart("/mining/upload")
                        .file(new MockMultipartFile("file", "untimed.xes", "application/xml", xes.getBytes(StandardCharsets.UTF_8)))
                        .with(user("sunqi").roles("PROCESS_OWNER")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/mining/logs/*"))
                .andReturn().getResponse().getRedirectedUrl();

        String zh = page(location, "zh_CN");
        assertThat(zh).doesNotContain("??").contains("id=\"untimed-cases\"", "2 个案例（共 2 个）含无时间戳的事件",
                "id=\"metrics-untimed\"", "id=\"bottleneck-untimed\"", "不可用（无时间戳）", "open → close");
        String en = page(location, "en");
        assertThat(en).doesNotContain("??").contains("2 of 2 cases have events without a timestamp",
                "leave out 2 cases without timestamps", "unavailable (no timestamps)");
    }

    @Test
    void thePlatformLogHasItsPageAndOtherRolesAreRefused() throws Exception {
        assertThat(page("/mining/logs/platform", "zh_CN")).contains("平台事件日志");
        mvc.perform(get("/mining").with(user("zhangsan").roles("BUSINESS"))).andExpect(status().isForbidden());
        // an empty upload goes back to the list with a message, nothing stored
        mvc.perform(multipart("/mining/upload").file(new MockMultipartFile("file", "empty.xes", "application/xml", new byte[0]))
                        .with(user("sunqi").roles("PROCESS_OWNER")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/mining"));
    }
}
