package io.clearflow.demand;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.demand.api.DemandRef;
import io.clearflow.demand.api.DemandState;
import io.clearflow.demand.api.NewDemand;
import io.clearflow.demand.lifecycle.DemandService;
import io.clearflow.engine.identity.OrgDirectory;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demand module booted alone with the engine it depends on (Spring Modulith's module test, not the whole
 * platform), and the event it publishes: a demand raised through its public {@code DemandIntake} enters SUBMITTED,
 * announced by {@link DemandService.StateChanged} inside the transaction (what the statistics rollup hears).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, verifyAutomatically = false)
@ActiveProfiles("test")
class DemandModuleTest {

    @Autowired DemandService demands;
    @Autowired OrgDirectory directory;
    @Autowired ApplicationContext context;

    @Test
    void bootsWithTheEngineOnly() {
        assertThat(context.getBeanNamesForType(DemandService.class)).hasSize(1);
        assertThat(context.containsBean("demandTestApplication")).isTrue();
    }

    @Test
    void raisingADemandPublishesItsEntryIntoSubmitted(Scenario scenario) {
        String title = "模块测试 " + UUID.randomUUID().toString().substring(0, 8);
        NewDemand demand = new NewDemand(title, "module test", "FEATURE", null, "NORMAL", false, null, null, null);

        scenario.stimulate(() -> demands.raise(directory.requireMember("zhangsan"), demand))
                .andWaitForEventOfType(DemandService.StateChanged.class)
                .matching(changed -> changed.from() == null)
                .toArriveAndVerify((changed, ref) -> {
                    DemandRef raised = ref;
                    assertThat(changed.demandId()).isEqualTo(raised.id());
                    assertThat(changed.to()).isEqualTo(DemandState.SUBMITTED).isEqualTo(raised.state());
                });
    }
}
