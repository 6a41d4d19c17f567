package io.clearflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.work.CaseView;
import io.clearflow.engine.work.WorkService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine booted as a module on its own (Spring Modulith's module test), and the event it publishes to the other
 * modules: starting a case records a {@link PlatformEvent} of scope process, lifecycle start, with the case, the
 * process and the person who started it (what mining, delivery and the Kafka outbox hear).
 */
@ApplicationModuleTest(verifyAutomatically = false)
@ActiveProfiles("test")
class EngineModuleTest {

    @Autowired WorkService work;
    @Autowired OrgDirectory directory;

    @Test
    void startingACasePublishesItsStartEvent(Scenario scenario) {
        scenario.stimulate(() -> work.start(directory.requireMember("zhangsan"), "monitorRepairable", "MOD-1", Map.of()))
                .andWaitForEventOfType(PlatformEvent.class)
                .matching(event -> event.scope() == PlatformEvent.Scope.PROCESS
                        && PlatformEvent.Lifecycle.START.equals(event.lifecycle()))
                .toArriveAndVerify((event, started) -> {
                    CaseView view = started;
                    assertThat(event.caseId()).isEqualTo(view.id());
                    assertThat(event.processKey()).isEqualTo("monitorRepairable");
                    assertThat(event.resource()).isEqualTo("zhangsan");
                });
    }
}
