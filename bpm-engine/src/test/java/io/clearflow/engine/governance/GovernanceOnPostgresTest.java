package io.clearflow.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.governance.catalog.AuditTrail;
import io.clearflow.engine.governance.catalog.CatalogService;
import io.clearflow.engine.governance.catalog.FormDefinition;
import io.clearflow.engine.governance.catalog.FormService;
import io.clearflow.engine.governance.catalog.ImprovementService;
import io.clearflow.engine.governance.catalog.ReleaseService;
import io.clearflow.engine.governance.catalog.ScenarioInput;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.support.EmbeddedPostgresSupport;
import io.clearflow.engine.work.WorkService;
import java.util.List;
import java.util.Map;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The catalog's tables and queries on PostgreSQL (bytea models, averages, identity keys): the five steps once. */
@SpringBootTest(classes = EngineTestApplication.class)
@ActiveProfiles("test")
class GovernanceOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.register(registry);
    }

    @Autowired CatalogService catalog;
    @Autowired FormService forms;
    @Autowired ReleaseService releases;
    @Autowired ImprovementService improvements;
    @Autowired AuditTrail audit;
    @Autowired OrgDirectory directory;
    @Autowired WorkService work;
    @Autowired RuntimeService runtime;
    @Autowired GovernanceCatalog api;

    @Test
    void theFiveStepsRunOnPostgres() throws Exception {
        var sunqi = directory.requireMember("sunqi");
        var scenario = catalog.register(sunqi, new ScenarioInput("回售（PG）", null, "regulation", "规则", "dept-operations",
                "issuer", List.of("few-steps", "high-risk")));
        catalog.classify(sunqi, scenario.id(), "electronic", null);
        var design = catalog.upload(sunqi, scenario.id(), "v1.bpmn20.xml", BpmnValidationApiTest.resource("flowable-electronic.bpmn20.xml"));
        assertThat(design.valid()).isTrue();
        forms.save(sunqi, scenario.id(), "review", new FormDefinition(List.of(
                new FormDefinition.Field("opinion", "意见", "textarea", true, null, null))));
        String def1 = releases.publish(sunqi, scenario.id(), "continue").version().processDefinitionId();
        var started = work.start(directory.requireMember("zhangsan"), "govPutBack", "PG-1", Map.of());
        catalog.upload(sunqi, scenario.id(), "v2.bpmn20.xml", BpmnValidationApiTest.resource("flowable-electronic-v2.bpmn20.xml"));
        var second = releases.publish(sunqi, scenario.id(), "migrate");
        assertThat(second.migrations()).anySatisfy(m -> {
            assertThat(m.fromDefinitionId()).isEqualTo(def1);
            assertThat(m.migrated()).isTrue();
        });
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(started.id()).singleResult().getProcessDefinitionId())
                .isEqualTo(second.version().processDefinitionId());
        improvements.give(directory.requireMember("zhangsan"), started.id(), "复核", 5, "好");
        improvements.give(directory.requireMember("zhangsan"), started.id(), "复核", 2, null);
        assertThat(improvements.averageRating("govPutBack")).isEqualTo(3.5);
        assertThat(releases.versions(scenario.id()).get(0).changes()).isNotEmpty();
        assertThat(new String(api.activeModel(scenario.id()).orElseThrow())).contains("secondReview");
        assertThat(forms.form(scenario.id(), "review").definition().fields()).hasSize(1);
        assertThat(audit.of(scenario.id())).extracting(e -> e.action())
                .contains("registered", "mode-accepted", "design-uploaded", "form-saved", "published", "feedback-given");
        assertThat(catalog.find(scenario.id()).stage()).isEqualTo("published");
    }
}
