package io.clearflow.delivery.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.delivery.DeliveryTestApplication;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

@SpringBootTest(classes = DeliveryTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AuditPagesTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;

    /** Pages sign in through the login form; the tests stand in a signed-in user's details. */
    private RequestPostProcessor as(String userId) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(userId));
    }

    private String page(String path, String lang) throws Exception {
        return mvc.perform(get(path).param("lang", lang).with(as("chenqc"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theAuditIsWorkedThroughItsPagesInBothLanguages() throws Exception {
        String label = "8." + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/delivery/versions").with(httpBasic("wujiu", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"system\":\"clearing\",\"version\":\"" + label + "\"}")).andExpect(status().isCreated());
        long versionId = jdbc.queryForObject("SELECT id FROM del_version WHERE version = ?", Long.class, label);

        String location = mvc.perform(post("/delivery/audits").param("versionId", String.valueOf(versionId))
                .with(as("wujiu")).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/delivery/audits/\\d+");
        long auditId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        mvc.perform(multipart("/delivery/audits/" + auditId + "/packages")
                .file(new MockMultipartFile("file", "v1.zip", null, TestArchives.zip(Map.of("fee/calc.c", "int a;\nint b;\n"))))
                .with(as("wujiu")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/delivery/audits/" + auditId + "/packages")
                .file(new MockMultipartFile("file", "v2.zip", null, TestArchives.zip(Map.of("fee/calc.c", "int a;\nint c;\n"))))
                .with(as("wujiu")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/delivery/audits/" + auditId + "/findings")
                .file(new MockMultipartFile("file", "s.sarif", null, ("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":"
                        + "{\"name\":\"cppcheck\"}},\"results\":[{\"ruleId\":\"uninit\",\"level\":\"error\",\"message\":{\"text\":"
                        + "\"<b>c</b> is uninitialised\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":"
                        + "\"fee/calc.c\"},\"region\":{\"startLine\":2}}}]}]}]}").getBytes(StandardCharsets.UTF_8)))
                .with(as("wujiu")).with(csrf())).andExpect(status().is3xxRedirection());
        // a refused upload comes back as a message, the audit unchanged
        String refused = mvc.perform(multipart("/delivery/audits/" + auditId + "/packages")
                        .file(new MockMultipartFile("file", "evil.zip", null, TestArchives.zipNamed("../evil")))
                        .with(as("wujiu")).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap().get("flashError").toString();
        assertThat(refused).isEqualTo("delivery.audit.error.path");

        String zh = page("/delivery/audits/" + auditId, "zh");
        assertThat(zh).contains("升级包版本", "评审单元", "v2.zip", "fee/calc.c", "未处置的阻断性发现：1", "屏蔽误报".substring(0, 2));
        String en = page("/delivery/audits/" + auditId, "en");
        assertThat(en).contains("Package versions", "Review units", "Open blocking findings: 1", "open (blocking)");
        assertThat(en).doesNotContain("<b>c</b>").contains("&lt;b&gt;c&lt;/b&gt;");
        assertThat(page("/delivery/audits", "en")).contains("Code audits", "clearing");

        long packageId = jdbc.queryForObject("SELECT MAX(id) FROM del_audit_package WHERE audit_id = ?", Long.class, auditId);
        String code = page("/delivery/audits/" + auditId + "/packages/" + packageId + "/code?path=fee/calc.c", "en");
        assertThat(code).contains("Code comparison", "int c;", "int b;", "line-added", "line-removed", "uninit")
                .containsPattern("(?s)int c;.*uninit");

        // the knowledge base on the audit page: a refused link comes back with the input kept; an entry is then
        // offered to the annotation form and shown as a link beside the note
        mvc.perform(multipart("/delivery/audits/" + auditId + "/knowledge").param("title", "费用接口").param("kind", "interface")
                .param("url", "javascript:alert(1)").with(as("chenqc")).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashErrors", java.util.List.of("delivery.audit.kb.error.url")));
        mvc.perform(multipart("/delivery/audits/" + auditId + "/knowledge").param("title", "费用接口").param("kind", "interface")
                .param("url", "https://wiki.example/fee").with(as("chenqc")).with(csrf())).andExpect(status().is3xxRedirection());
        long entry = jdbc.queryForObject("SELECT id FROM del_audit_kb WHERE title = '费用接口' AND system_code = 'clearing'", Long.class);
        assertThat(page("/delivery/audits/" + auditId, "zh")).contains("知识库（接口文件、数据字典）", "href=\"https://wiki.example/fee\"",
                "接口文件", "id=\"kb-form\"");
        mvc.perform(post("/delivery/audits/" + auditId + "/packages/" + packageId + "/annotations").param("path", "fee/calc.c")
                .param("line", "2").param("text", "见接口 3.1").param("kbEntryId", String.valueOf(entry))
                .with(as("chenqc")).with(csrf())).andExpect(status().is3xxRedirection());
        String annotated = page("/delivery/audits/" + auditId + "/packages/" + packageId + "/code?path=fee/calc.c", "zh");
        assertThat(annotated).contains("id=\"field-kb\"", "value=\"" + entry + "\"", "见接口 3.1", "class=\"kb-link\"",
                "↗ 费用接口");
        mvc.perform(post("/delivery/audits/" + auditId + "/packages/" + packageId + "/annotations").param("path", "fee/calc.c")
                .param("line", "2").param("text", "x").param("kbEntryId", "424242").with(as("chenqc")).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashErrors", java.util.List.of("delivery.audit.kb.error.unknown")));

        // reviewer areas by the page's form: an unknown user comes back beside the field with the typed area kept
        var flash = org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash();
        mvc.perform(post("/delivery/audits/" + auditId + "/reviewers").param("area", "fee").param("userId", "nobody")
                .with(as("chenqc")).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash.attribute("keptInput", Map.of("area", "fee", "userId", "nobody")))
                .andExpect(flash.attribute("inputErrors", Map.of("userId", "delivery.audit.error.unknownUser")));
        String kept = mvc.perform(get("/delivery/audits/" + auditId).with(as("chenqc"))
                        .flashAttr("keptInput", Map.of("area", "<b>fee</b>", "userId", "nobody"))
                        .flashAttr("inputErrors", Map.of("userId", "delivery.audit.error.unknownUser")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(kept).contains("value=\"&lt;b&gt;fee&lt;/b&gt;\"", "value=\"nobody\"", "id=\"error-userId\"")
                .doesNotContain("<b>fee</b>");
        mvc.perform(post("/delivery/audits/" + auditId + "/reviewers").param("area", "fee").param("userId", "wujiu")
                .with(as("wujiu")).with(csrf())).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_audit_reviewer WHERE system_code = 'clearing' AND area = 'fee'",
                Long.class)).isZero();
        mvc.perform(post("/delivery/audits/" + auditId + "/reviewers").param("area", " fee ").param("userId", "wujiu")
                .with(as("chenqc")).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash.attribute("flash", "delivery.audit.reviewers.added"));
        assertThat(page("/delivery/audits/" + auditId, "zh")).contains("id=\"audit-areas\"", "<td>fee</td>", "吴九",
                "id=\"area-form\"");

        // the function network imported by the page's form; a broken CSV is refused beside the file input
        mvc.perform(multipart("/delivery/function-networks/clearing")
                .file(new MockMultipartFile("file", "broken.csv", null, "caller,callee\nA\n".getBytes(StandardCharsets.UTF_8)))
                .with(as("chenqc")).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash.attribute("keptInput", Map.of("file", "broken.csv")));
        mvc.perform(multipart("/delivery/function-networks/clearing")
                .file(new MockMultipartFile("file", "n.csv", null, "caller,callee,kind\nM9,fee9,function\n".getBytes(StandardCharsets.UTF_8)))
                .with(as("zhengshi")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(multipart("/delivery/function-networks/clearing")
                .file(new MockMultipartFile("file", "n.csv", null, "caller,callee,kind\nM9,fee9,function\nfee9,T9,table\nM9,fee8,function\n"
                        .getBytes(StandardCharsets.UTF_8))).with(as("chenqc")).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash.attribute("flash", "delivery.audit.network.imported"));
        assertThat(page("/delivery/function-networks/clearing", "en")).contains("4 nodes, 3 call relations", "id=\"network-import-form\"");

        long findingId = jdbc.queryForObject("SELECT id FROM del_audit_finding WHERE audit_id = ?", Long.class, auditId);
        mvc.perform(post("/delivery/audits/" + auditId + "/findings/" + findingId + "/suppress").param("reason", "set by init()")
                .with(as("wujiu")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/delivery/audits/" + auditId + "/complete").param("opinion", "fine")
                .with(as("chenqc")).with(csrf())).andExpect(status().is3xxRedirection());
        String done = page("/delivery/audits/" + auditId, "en");
        assertThat(done).contains("Open blocking findings: 0", "rule filter: set by init()", "completed");
        mvc.perform(get("/delivery/audits").with(as("zhangsan"))).andExpect(status().isForbidden());

        mvc.perform(multipart("/api/delivery/function-networks/clearing")
                .file(new MockMultipartFile("file", "n.csv", null, "caller,callee,kind\nM1,fee,function\nfee,T_FEE,table\n"
                        .getBytes(StandardCharsets.UTF_8))).with(httpBasic("chenqc", "demo"))).andExpect(status().isCreated());
        String network = page("/delivery/function-networks/clearing?node=fee", "en");
        assertThat(network).contains("Function network", "3 nodes, 2 call relations, diameter 2", "Callers it affects", "M1", "T_FEE");
        assertThat(page("/delivery/function-networks/clearing", "zh")).contains("功能网络", "介数中心性");
        assertThat(page("/delivery/audits/" + auditId, "en")).contains("Reviewer recommendation", "By history");
    }
}
