package io.clearflow.testmetrics.dora;

import io.clearflow.testmetrics.api.DeliveryEvents;
import io.clearflow.testmetrics.store.DeploymentRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo delivery events (with the demo organisation, until the delivery module feeds real ones): 90 days of
 * production deployments of {@code ctrade} and {@code clearing}, their changes and incidents, so the DORA page
 * is not empty. Deterministic; seeded once, when the deployment table is empty.
 */
@Component
@ConditionalOnProperty(name = "clearflow.identity.demo-organisation", havingValue = "true", matchIfMissing = true)
class DoraDemoData implements ApplicationRunner {

    private final DeliveryEvents events;
    private final DeploymentRepository deployments;

    DoraDemoData(DeliveryEvents events, DeploymentRepository deployments) {
        this.events = events;
        this.deployments = deployments;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (deployments.count() > 0) {
            return;
        }
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        seed("ctrade", today, 2, 36, 9);
        seed("clearing", today, 9, 200, 3);
    }

    /** One deployment every {@code everyDays} days, changes {@code leadHours} before, every {@code failEvery}th failing. */
    private void seed(String system, Instant today, int everyDays, int leadHours, int failEvery) {
        List<DeliveryEvents.Deployment> d = new ArrayList<>();
        List<DeliveryEvents.Change> c = new ArrayList<>();
        List<DeliveryEvents.Incident> inc = new ArrayList<>();
        int n = 0;
        for (int day = 88; day >= 0; day -= everyDays) {
            n++;
            Instant at = today.minus(Duration.ofDays(day)).plus(Duration.ofHours(10));
            String key = system + "-d" + n;
            boolean failed = n % failEvery == 0;
            d.add(new DeliveryEvents.Deployment(system, key, "3." + n + ".0", at, !failed, n % (failEvery * 2) == 1 && n > 1));
            c.add(new DeliveryEvents.Change(system, key + "-c1", at.minus(Duration.ofHours(leadHours)), key));
            c.add(new DeliveryEvents.Change(system, key + "-c2", at.minus(Duration.ofHours(leadHours / 2)), key));
            if (failed) {
                inc.add(new DeliveryEvents.Incident(system, key + "-i", at.plus(Duration.ofMinutes(20)),
                        at.plus(Duration.ofMinutes(20 + 45L * everyDays)), key));
            }
        }
        events.record(d, c, inc);
    }
}
