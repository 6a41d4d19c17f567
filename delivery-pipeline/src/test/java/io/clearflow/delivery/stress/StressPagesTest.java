package io.clearflow.delivery.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.delivery.DeliveryTestApplication;
import io.clearflow.engine.identity.OrgDirectory;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The stress-test pages: request form errors, the steps' forms for their holders, results with charts, the verdict. */
@SpringBootTest(classes = DeliveryTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StressPagesTest {

    @Autowired MockMvc mvc;
    @Autowired StressTestService service;
    @Autowired OrgDirectory directory;
    @Autowired io.clearflow.delivery.version.VersionService versionService;
    @Autowired UserDetailsService users;
    @Autowired io.clearflow.engine.work.WorkService work;

    @Test
    void requestPlanUploadAndTheChartsOnThePage() throws Exception {
        // a bad version id comes back next to its field
        String refused = mvc.perform(post("/delivery/stress-tests").param("versionId", "abc<script>")
                .with(user(principal("wujiu"))).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(refused).contains("id=\"error-versionId\"", "value=\"abc&lt;script&gt;\"").doesNotContain("??");

        long versionId = versionService.create(directory.requireMember("wujiu"),
                new io.clearflow.delivery.version.NewVersion("ctrade", "9." + System.nanoTime() % 100000, null, null));
        String location = mvc.perform(post("/delivery/stress-tests").param("versionId", String.valueOf(versionId))
                        .with(user(principal("wujiu"))).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        // the plan step in the testers' inboxes links to this page, where it is done
        var step = work.inbox(directory.requireMember("zhengshi"), 0, 200).stream()
                .filter(t -> ("ST-" + id).equals(t.businessKey())).findFirst().orElseThrow();
        assertThat(mvc.perform(get("/tasks/" + step.id()).with(user(principal("zhengshi")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("href=\"/delivery/stress-tests/" + id + "\"",
                "打开压力测试");
        assertThat(pageOf(id, "zhengshi")).contains("id=\"stress-plan-form\"", "id=\"stress-upload-form\"");
        assertThat(pageOf(id, "wujiu")).doesNotContain("id=\"stress-plan-form\"", "id=\"stress-upload-form\"")
                .contains("id=\"stress-evidence-missing\"");

        mvc.perform(multipart("/delivery/stress-tests/" + id + "/results")
                .file(new MockMultipartFile("file", "run.jtl", null,
                        StressTestApiTest.jtl(50, 10, 1_700_000_000_000L).getBytes(StandardCharsets.UTF_8)))
                .with(user(principal("zhengshi"))).with(csrf())).andExpect(status().is3xxRedirection());
        String page = pageOf(id, "zhouba");
        assertThat(page).contains("id=\"stress-results\"", "<td>50</td>", "class=\"stress-chart\"",
                "id=\"stress-label-chart\"", "&quot;series&quot;", "41031", "data-check=\"capacity\"",
                "data-check=\"regression\"", "/report.docx", "echarts.min.js").doesNotContain("??");

        // ops enter the system's peak on the page; a bad number changes nothing
        mvc.perform(post("/delivery/stress-tests/" + id + "/peak").param("peakTps", "-3").param("peakBandwidthMbps", "1")
                .param("bandwidthMbps", "1").with(user(principal("linops"))).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(service.peak("ctrade").map(SystemPeak::peakTps).orElse(0.0)).isNotEqualTo(-3.0);
        mvc.perform(post("/delivery/stress-tests/" + id + "/peak").param("peakTps", "4").param("peakBandwidthMbps", "1000")
                .param("bandwidthMbps", "1500").with(user(principal("wujiu"))).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/delivery/stress-tests/" + id + "/peak").param("peakTps", "4").param("peakBandwidthMbps", "1000")
                .param("bandwidthMbps", "1500").with(user(principal("linops"))).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(service.peak("ctrade").orElseThrow().peakTps()).isEqualTo(4.0);
        // 50 samples over 490 + 50 ms → 92.6/s ÷ 4 ≥ 3; 1500 < 2 × 1000 Mbps fails the bandwidth check
        assertThat(service.detail(id).verdict().checks()).filteredOn(c -> c.name().equals("bandwidth"))
                .singleElement().satisfies(c -> assertThat(c.passed()).isFalse());
        assertThat(pageOf(id, "linops")).contains("id=\"stress-peak-form\"", "value=\"1500.0\"");

        // a bad file is a flash error on the page, nothing stored
        mvc.perform(multipart("/delivery/stress-tests/" + id + "/results")
                .file(new MockMultipartFile("file", "bad.jtl", null, "not,a,jtl\n1,2,3\n".getBytes(StandardCharsets.UTF_8)))
                .with(user(principal("zhengshi"))).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(service.detail(id).results()).hasSize(1);

        // a whole run in one file: its phases on the page, the boundaries corrected by the form (kept as typed)
        mvc.perform(multipart("/delivery/stress-tests/" + id + "/results")
                .file(new MockMultipartFile("file", "whole.jtl", null, PhaseSplitTest.wholeRun().getBytes(StandardCharsets.UTF_8)))
                .with(user(principal("zhengshi"))).with(csrf())).andExpect(status().is3xxRedirection());
        long whole = service.detail(id).results().get(1).id();
        assertThat(pageOf(id, "zhengshi")).contains("阶段（按负载台阶拆分）", "自动识别", "data-phase=\"PEAK\"",
                "data-phase=\"STABILITY\"", "value=\"20, 28\"", "id=\"bounds-submit-" + whole + "\"");
        assertThat(pageOf(id, "wujiu")).doesNotContain("id=\"bounds-submit-");
        mvc.perform(post("/delivery/stress-tests/" + id + "/results/" + whole + "/phases").param("boundsMinutes", "19，28")
                .with(user(principal("zhengshi"))).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(pageOf(id, "zhengshi")).contains("手工设定", "value=\"19, 28\"");
        mvc.perform(post("/delivery/stress-tests/" + id + "/results/" + whole + "/phases").param("boundsMinutes", "abc")
                .with(user(principal("zhengshi"))).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(service.detail(id).results().get(1).phaseBounds()).hasSize(2);
        mvc.perform(post("/delivery/stress-tests/" + id + "/results/" + whole + "/phases").param("boundsMinutes", "19")
                .with(user(principal("wujiu"))).with(csrf())).andExpect(status().isForbidden());
    }

    private String pageOf(long id, String user) throws Exception {
        return mvc.perform(get("/delivery/stress-tests/" + id).with(user(principal(user))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /**
     * The workload-model page worked by hand: 1,000 calls, 410301 600 + 410302 300 + 410501 95 reach 99.5 % → a main
     * set of 3; at 3 × 100 TPS the full-function rate of 410301 is 0.6 × 300 = 180.00/s, its burst share for trade
     * 1800 / (1800 + 900 + 95) = 0.6440; bad input comes back next to its field with the values kept.
     */
    @Test
    void theWorkloadModelPageImportsTheSampleAndShowsSharesMixesAndTheExport() throws Exception {
        String sample = "function_code,business,count,interval\n410301,trade,400,d1\n410301,trade,200,d2\n"
                + "410302,trade,300,d1\n410501,query,95,d1\n410601,query,5,d1\n";
        String page = mvc.perform(multipart("/delivery/stress-tests/workload")
                        .file(new MockMultipartFile("file", "calls.csv", "text/csv", sample.getBytes(StandardCharsets.UTF_8)))
                        .param("peakTps", "100").param("multiple", "3").with(user(principal("zhengshi"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"workload-chart\"", "data-chart-option=", "调用模型：calls.csv", "300.00",
                "少于规范预期的 40 个", "data-code=\"410601\"", "180.00", "64.40 %", "压至饱和", "burst:trade", "burst:query",
                "download=\"workload-mix.csv\"", "data:text/csv;charset=utf-8,", "test_type").doesNotContain("??");
        assertThat(page.replaceAll("\\s+", " ")).contains("<span>3</span>");

        // wrong number and a broken row: errors by their fields, the numbers typed are kept, no model
        String refused = mvc.perform(multipart("/delivery/stress-tests/workload")
                        .file(new MockMultipartFile("file", "calls.csv", "text/csv",
                                "function_code,business,count\n410301,trade,x\n".getBytes(StandardCharsets.UTF_8)))
                        .param("peakTps", "<b>lots</b>").param("multiple", "2").with(user(principal("zhengshi"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"error-peakTps\"", "value=\"&lt;b&gt;lots&lt;/b&gt;\"", "value=\"2\"")
                .doesNotContain("id=\"workload-facts\"", "<b>lots</b>");
        String badRow = mvc.perform(multipart("/delivery/stress-tests/workload")
                        .file(new MockMultipartFile("file", "calls.csv", "text/csv",
                                "function_code,business,count\n410301,trade,x\n".getBytes(StandardCharsets.UTF_8)))
                        .param("peakTps", "100").with(user(principal("zhengshi"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(badRow).contains("id=\"error-file\"", "调用样本第 2 行格式错误").doesNotContain("id=\"workload-facts\"");
        String badRowEn = mvc.perform(multipart("/delivery/stress-tests/workload")
                        .file(new MockMultipartFile("file", "calls.csv", "text/csv",
                                "function_code,business,count\n410301,trade,x\n".getBytes(StandardCharsets.UTF_8)))
                        .param("peakTps", "100").param("lang", "en").with(user(principal("zhengshi"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(badRowEn).contains("id=\"error-file\"", "Line 2 of the call sample is malformed");

        assertThat(mvc.perform(get("/delivery/stress-tests/workload").param("lang", "en").with(user(principal("zhengshi"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Production workload model", "Compute the workload model", "value=\"3\"");
        mvc.perform(get("/delivery/stress-tests/workload").with(user(principal("zhangsan")))).andExpect(status().isForbidden());
        mvc.perform(multipart("/delivery/stress-tests/workload")
                .file(new MockMultipartFile("file", "calls.csv", "text/csv", sample.getBytes(StandardCharsets.UTF_8)))
                .param("peakTps", "100").with(user(principal("zhangsan"))).with(csrf())).andExpect(status().isForbidden());
    }

    /** Signed in as the demo user with their real roles (pages use the form login, not HTTP Basic). */
    private org.springframework.security.core.userdetails.UserDetails principal(String userId) {
        return users.loadUserByUsername(userId);
    }
}
