package io.clearflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.delivery.version.NewVersion;
import io.clearflow.delivery.version.VersionService;
import io.clearflow.engine.identity.OrgDirectory;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The delivery module booted alone with the modules it depends on (engine, demand, test metrics), and the event it
 * publishes: creating a version announces a {@link DeliveryActivity} {@code version.created} for that version, by
 * the person who created it, with the link to its page (what the timeline pages and the DORA figures hear).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, verifyAutomatically = false)
@ActiveProfiles("test")
class DeliveryModuleTest {

    @Autowired VersionService versions;
    @Autowired OrgDirectory directory;

    @Test
    void creatingAVersionPublishesItsActivity(Scenario scenario) {
        String number = "9." + Math.abs(UUID.randomUUID().hashCode() % 100000);

        scenario.stimulate(() -> versions.create(directory.requireMember("wujiu"),
                        new NewVersion("clearflow", number, List.of(), null)))
                .andWaitForEventOfType(DeliveryActivity.class)
                .matching(activity -> "version.created".equals(activity.kind()))
                .toArriveAndVerify((activity, id) -> {
                    assertThat(activity.versionId()).isEqualTo(id);
                    assertThat(activity.system()).isEqualTo("clearflow");
                    assertThat(activity.version()).isEqualTo(number);
                    assertThat(activity.actor()).isEqualTo("wujiu");
                    assertThat(activity.link()).isNotBlank();
                });
    }
}
