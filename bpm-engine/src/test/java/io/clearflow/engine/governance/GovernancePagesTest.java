package io.clearflow.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.governance.catalog.CatalogService;
import io.clearflow.engine.governance.catalog.ImprovementService;
import io.clearflow.engine.governance.catalog.ReleaseService;
import io.clearflow.engine.governance.catalog.ScenarioInput;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.work.WorkService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The catalog's pages render in Chinese and English with no label missing (a missing key shows as
 * ??key??), the diagram is drawn or its absence explained, the task page carries the feedback box,
 * and the page forms change what they say.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class GovernancePagesTest {

    @Autowired MockMvc mvc;
    @Autowired io.clearflow.engine.governance.web.AuditDetails auditDetails;
    @Autowired CatalogService catalog;
    @Autowired ReleaseService releases;
    @Autowired ImprovementService improvements;
    @Autowired OrgDirectory directory;
    @Autowired WorkService work;
    @Autowired JdbcTemplate jdbc;
    @Autowired io.clearflow.engine.governance.catalog.FormService forms;
    @Autowired io.clearflow.engine.governance.catalog.AuditTrail auditTrail;

    record Page(String path, RequestPostProcessor who, String chinese, String english) { }

    @Test
    void everyGovernancePageRendersInBothLanguagesWithoutMissingLabels() throws Exception {
        var sunqi = directory.requireMember("sunqi");
        var scenario = catalog.register(sunqi, new ScenarioInput("页面场景", "说明", "bottleneck", "人工核对慢",
                "dept-operations", "internal", List.of("clear-rules", "repetitive")));
        catalog.classify(sunqi, scenario.id(), "electronic", "内部审批，保留人工");
        var text = new String(BpmnValidationApiTest.resource("flowable-electronic.bpmn20.xml")).replace("govPutBack", "govPages");
        catalog.upload(sunqi, scenario.id(), "pages.bpmn20.xml", text.getBytes());
        releases.publish(sunqi, scenario.id(), "continue");
        catalog.upload(sunqi, scenario.id(), "pages-v2.bpmn20.xml", new String(BpmnValidationApiTest.resource(
                "flowable-electronic-v2.bpmn20.xml")).replace("govPutBack", "govPages").getBytes());
        releases.publish(sunqi, scenario.id(), "migrate");
        var started = work.start(directory.requireMember("zhangsan"), "govPages", "PG-1", Map.of());
        improvements.give(directory.requireMember("zhangsan"), started.id(), "复核", 4, "清楚");
        improvements.addAction(sunqi, scenario.id(), "减少环节", null, "办理时长", List.of());
        String taskId = work.inbox(directory.requireMember("lisi"), 0, 200).stream()
                .filter(t -> t.caseId().equals(started.id())).findFirst().orElseThrow().id();

        var owner = user("sunqi").roles("PROCESS_OWNER");
        List<Page> pages = List.of(
                new Page("/governance", owner, "流程治理", "Process governance"),
                new Page("/governance/new", owner, "登记业务场景", "Register a scenario"),
                new Page("/governance/scenarios/" + scenario.id(), owner, "第五步 优化", "Step 5 Improvement"),
                new Page("/governance/scenarios/" + scenario.id(), user("hegui").roles("COMPLIANCE"), "新增环节", "Activity secondReview added"),
                new Page("/governance/validate", owner, "BPMN 校验", "Validate BPMN"),
                new Page("/tasks/" + taskId, user("lisi").roles("BUSINESS"), "流程评价", "Rate this process"));
        for (Page page : pages) {
            for (String lang : List.of("zh_CN", "en")) {
                String html = mvc.perform(get(page.path()).param("lang", lang).with(page.who()))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                assertThat(html).as(page.path() + " in " + lang).doesNotContain("??")
                        .contains(lang.equals("en") ? page.english() : page.chinese());
            }
        }
        String detail = mvc.perform(get("/governance/scenarios/" + scenario.id()).with(owner))
                .andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("diagram-image").contains("start-entry").contains("v2").contains("已被替代").contains("内部审批，保留人工")
                .contains("平均评分 4.0 / 5");
        byte[] png = mvc.perform(get("/governance/scenarios/" + scenario.id() + "/diagram.png").with(owner))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        // the compliance officer reads but gets no forms to change anything
        String readOnly = mvc.perform(get("/governance/scenarios/" + scenario.id()).with(user("hegui").roles("COMPLIANCE")))
                .andReturn().getResponse().getContentAsString();
        assertThat(readOnly).doesNotContain("publish-form").doesNotContain("design-upload-form");
    }

    @Test
    void validationFindingsReadInTheReadersLanguageNotTheValidatorsEnglish() throws Exception {
        // no owner, no form on its task, no candidate starters, no diagram
        byte[] bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                             targetNamespace="test">
                  <process id="plainCheck" name="无主流程" isExecutable="true">
                    <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
                    <userTask id="review" name="复核" flowable:candidateGroups="dept-registry"/>
                    <sequenceFlow id="f2" sourceRef="review" targetRef="end"/><endEvent id="end"/>
                  </process>
                </definitions>""".strip().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String lang : List.of("zh_CN", "en")) {
            String html = mvc.perform(multipart("/governance/validate").file(new MockMultipartFile("file", "plain.bpmn", "text/xml", bpmn))
                            .param("lang", lang).with(user("sunqi").roles("PROCESS_OWNER")).with(csrf()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String findings = html.substring(html.indexOf("report-findings"));
            findings = findings.replaceAll("title=\"[^\"]*\"", ""); // the English original stays as a hover hint
            if (lang.equals("en")) {
                assertThat(findings).contains("no documented owner").contains("The user task &quot;复核&quot; has no form");
            } else {
                assertThat(findings).contains("流程没有注明负责部门").contains("人工环节“复核”没有表单").contains("没有流程图")
                        .doesNotContain("documented owner").doesNotContain("has no form").doesNotContain("??");
            }
        }
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0};
        String refused = mvc.perform(multipart("/governance/validate").file(new MockMultipartFile("file", "x.bpmn", "text/xml", exe))
                        .with(user("sunqi").roles("PROCESS_OWNER")).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused.substring(refused.indexOf("report-findings")).replaceAll("title=\"[^\"]*\"", ""))
                .contains("不是格式正确的 XML").doesNotContain("well-formed");
    }

    @Test
    void auditRecordsAndMigrationResultsReadAsSentencesWithNames() {
        try {
            org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
            assertThat(auditDetails.detail("registered", "name=回售业务审批, source=regulation, department=dept-operations, "
                    + "category=issuer, characteristics=[few-steps, clear-steps]"))
                    .contains("回售业务审批").contains("运营管理部").contains("、").doesNotContain("dept-").doesNotContain("few-steps")
                    .doesNotContain("regulation");
            assertThat(auditDetails.migration("3 instance(s) of govPutBack:1:6f0c5c1e-f1c7-11f1-8742-02fc00000001 migrated; "
                    + "1 instance(s) of govPutBack:2:7a0c5c1e-f1c7-11f1-8742-02fc00000001 not migrated: activity x missing"))
                    .isEqualTo("3 个运行中的流程已从引擎版本 1 迁移过来；1 个运行中的流程未能从引擎版本 2 迁移，仍按原版本运行");
            assertThat(auditDetails.detail("published", "version 2 = govPutBack:2:7a0c, running instances: migrate"))
                    .isEqualTo("发布为 v2；运行中的流程：迁移到新版本");
            assertThat(auditDetails.detail("form-saved", "review: x field(s)")).isNull(); // another shape: shown as code
            org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
            assertThat(auditDetails.migration("3 instance(s) of govPutBack:1:6f0c5c1e-f1c7-11f1-8742-02fc00000001 migrated"))
                    .isEqualTo("3 running case(s) moved over from engine version 1");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }

    /** What a record may not show a reader: a code, an id, key=value, the technical record's own words. */
    private static final java.util.regex.Pattern TECHNICAL = java.util.regex.Pattern.compile(
            "=|process-mining|govAuditKinds|\\breview\\b|\\bsignOff\\b|dept-|in-progress|[0-9a-f]{8}-[0-9a-f]{4}-"
                    + "|design \\d|action \\d|feedback \\d|field\\(s\\)|\\bnull\\b");

    @Test
    void everyKindOfAuditRecordReadsAsASentenceInBothLanguages() throws Exception {
        var sunqi = directory.requireMember("sunqi");
        var input = new ScenarioInput("审计场景", null, "bottleneck", "人工核对慢", "dept-operations", "internal",
                List.of("clear-rules"));
        var scenario = catalog.register(sunqi, input);
        String id = scenario.id();
        catalog.update(sunqi, id, new ScenarioInput("审计场景（修订）", "说明", "bottleneck", "人工核对慢", "dept-operations",
                "internal", List.of("clear-rules", "repetitive")));
        catalog.setSuitability(sunqi, id, false, "已有系统直连");
        catalog.setSuitability(sunqi, id, true, null);
        String recommended = catalog.recommendation(catalog.find(id)).mode();
        catalog.classify(sunqi, id, "electronic".equals(recommended) ? "self-service" : "electronic", "先试行");
        catalog.classify(sunqi, id, recommended, null);
        if (!"electronic".equals(recommended)) {
            catalog.classify(sunqi, id, "electronic", "内部审批，保留人工");
        }
        byte[] model = new String(BpmnValidationApiTest.resource("flowable-electronic.bpmn20.xml"))
                .replace("govPutBack", "govAuditKinds").getBytes();
        catalog.upload(sunqi, id, "audit.bpmn20.xml", model);
        var draft = catalog.offer(id, model, "process-mining:7f1c2d3e-0000-4000-8000-000000000001?noise=0.2 (平台事件日志)", "sunqi");
        catalog.adopt(sunqi, id, draft.id());
        catalog.revalidate(sunqi, id);
        var field = new io.clearflow.engine.governance.catalog.FormDefinition.Field("opinion", "意见", "textarea", true, null, null);
        forms.save(sunqi, id, "review", new io.clearflow.engine.governance.catalog.FormDefinition(List.of(field)));
        forms.save(sunqi, id, "signOff", new io.clearflow.engine.governance.catalog.FormDefinition(List.of(field)));
        forms.delete(sunqi, id, "signOff");
        releases.publish(sunqi, id, "continue");
        var started = work.start(directory.requireMember("zhangsan"), "govAuditKinds", "GA-1", Map.of());
        var feedback = improvements.give(directory.requireMember("zhangsan"), started.id(), "复核", 4, "清楚");
        var action = improvements.addAction(sunqi, id, "减少环节", null, "办理时长", List.of(feedback.id()));
        improvements.setStatus(sunqi, action.id(), "in-progress");
        catalog.upload(sunqi, id, "audit-v2.bpmn20.xml", new String(BpmnValidationApiTest.resource(
                "flowable-electronic-v2.bpmn20.xml")).replace("govPutBack", "govAuditKinds").getBytes());
        releases.publish(sunqi, id, "continue");
        releases.migrateRunning(sunqi, id);

        var entries = auditTrail.of(id);
        var bundle = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/i18n/governance.properties")) {
            bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        var named = bundle.stringPropertyNames().stream().filter(k -> k.startsWith("gov.action."))
                .map(k -> k.substring("gov.action.".length())).collect(java.util.stream.Collectors.toSet());
        // every kind the catalog writes was written here, and every kind written has a name on the page
        assertThat(entries.stream().map(e -> e.action()).collect(java.util.stream.Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(named);
        for (var locale : List.of(java.util.Locale.SIMPLIFIED_CHINESE, java.util.Locale.ENGLISH)) {
            try {
                org.springframework.context.i18n.LocaleContextHolder.setLocale(locale);
                for (var e : entries) {
                    String said = auditDetails.detail(id, e.action(), e.detail());
                    assertThat(said).as("%s: %s (%s)", e.action(), e.detail(), locale).isNotNull()
                            .doesNotContainPattern(TECHNICAL);
                }
            } finally {
                org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
            }
        }
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(auditDetails.detail(id, "form-saved", "review: 1 field(s)")).isEqualTo("步骤“业务复核”的表单，共 1 个字段"); // the current (v2) model's name
            assertThat(auditDetails.origin(draft.origin())).isEqualTo("流程挖掘（事件日志“平台事件日志”，噪声过滤 0.2）");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
        // the page says them all: no record left as code, the draft's origin in words
        String html = mvc.perform(get("/governance/scenarios/" + id).with(user("sunqi").roles("PROCESS_OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String trail = html.substring(html.indexOf("id=\"audit-trail\""));
        assertThat(trail).doesNotContain("<code").contains("步骤“业务复核”的表单").contains("措施“减少环节”：待处理 → 进行中")
                .contains("GA-1");
    }

    @Test
    void aModelWithoutDiagramInformationGetsAClearMessageInsteadOfAPicture() throws Exception {
        var sunqi = directory.requireMember("sunqi");
        var scenario = catalog.register(sunqi, new ScenarioInput("无图场景", null, "regulation", "规则", "dept-operations",
                "internal", List.of()));
        catalog.upload(sunqi, scenario.id(), "no-di.bpmn20.xml", BpmnValidationApiTest.resource("no-di.bpmn20.xml"));
        String html = mvc.perform(get("/governance/scenarios/" + scenario.id()).with(user("sunqi").roles("PROCESS_OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("diagram-problem").contains("BPMN DI").doesNotContain("diagram-image");
        mvc.perform(get("/governance/scenarios/" + scenario.id() + "/diagram.png").with(user("sunqi").roles("PROCESS_OWNER")))
                .andExpect(status().isNotFound());
    }

    @Test
    void pageFormsRegisterClassifyUploadAndGiveFeedback() throws Exception {
        var owner = user("sunqi").roles("PROCESS_OWNER");
        String location = mvc.perform(post("/governance/scenarios").with(owner).with(csrf())
                        .param("name", "表单登记").param("sourceType", "regulation").param("sourceReference", "制度")
                        .param("ownerDepartment", "dept-operations").param("businessCategory", "issuer")
                        .param("characteristics", "few-steps", "high-risk"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String id = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(post("/governance/scenarios/" + id + "/classification").with(owner).with(csrf()).param("mode", "electronic"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/governance/scenarios/" + id + "/design").file(new MockMultipartFile("file", "x.bpmn",
                        "application/xml", BpmnValidationApiTest.resource("bpmn-io.bpmn").clone())).with(owner).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(catalog.find(id).mode()).isEqualTo("electronic");
        assertThat(catalog.currentDesign(id)).isPresent();
        // a form with errors comes back with them and stores nothing
        long scenarios = jdbc.queryForObject("SELECT COUNT(*) FROM gov_scenario", Long.class);
        String page = mvc.perform(post("/governance/scenarios").with(owner).with(csrf()).param("name", "")
                        .param("sourceType", "regulation").param("ownerDepartment", "dept-operations").param("businessCategory", "issuer"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("field-error");
        // the declared rule's message, from the bundle in the page's language, and the input kept
        assertThat(page).contains("必填，最多 200 个字符").contains("dept-operations").doesNotContain("gov.error.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gov_scenario", Long.class)).isEqualTo(scenarios);
    }
}
