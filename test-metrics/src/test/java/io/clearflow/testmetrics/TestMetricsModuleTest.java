package io.clearflow.testmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.testmetrics.api.DeliveryEvents;
import io.clearflow.testmetrics.api.DoraReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The test-metrics module booted alone with the engine (Spring Modulith's module test). It publishes no events:
 * other modules call its API. So the scenario stimulates that API as delivery does (deployments reaching
 * production) and waits for the state the module keeps: DORA's deployment count of the system.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, verifyAutomatically = false)
@ActiveProfiles("test")
class TestMetricsModuleTest {

    @Autowired DeliveryEvents delivery;

    @Test
    void deploymentsFedThroughTheApiCountInTheDoraFigures(Scenario scenario) {
        String system = "mod-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        List<DeliveryEvents.Deployment> deployments = List.of(
                new DeliveryEvents.Deployment(system, "d1", "1.0", now.minus(Duration.ofDays(2)), true, false),
                new DeliveryEvents.Deployment(system, "d2", "1.1", now.minus(Duration.ofDays(1)), false, false));

        scenario.stimulate(() -> delivery.record(deployments, List.of(), List.of()))
                .andWaitForStateChange(() -> delivery.dora(system, now.plusSeconds(1), 30),
                        report -> report.deployments() > 0)
                .andVerify((DoraReport report) -> {
                    assertThat(report.system()).isEqualTo(system);
                    assertThat(report.deployments()).isEqualTo(2);
                });
    }
}
