package io.clearflow.delivery.system;

import io.clearflow.delivery.DeliveryProperties;
import io.clearflow.delivery.execution.runner.DefaultSteps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo systems of the embedded default (with the demo organisation, when there are no systems yet):
 * ctrade and clearing (critical), registry, ClearFlow itself; environments dev, test, staging and
 * production, all deployed by the embedded runner with its default steps (copy the artifact into a folder under
 * the data folder, check the copy's digest), so the whole flow runs with nothing installed.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "clearflow.identity.demo-organisation", havingValue = "true", matchIfMissing = true)
class DemoSystems implements ApplicationRunner {

    static final List<String> ENVIRONMENTS = List.of("dev", "test", "staging", DeliveryProperties.PRODUCTION);

    /** The runner's default steps, written out so that the environment shows them: copy, then check the copy's digest. */
    static final String STEPS = DefaultSteps.TEXT;

    private final SystemRepository systems;
    private final EnvironmentRepository environments;
    private final DeliveryProperties properties;

    DemoSystems(SystemRepository systems, EnvironmentRepository environments, DeliveryProperties properties) {
        this.systems = systems;
        this.environments = environments;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.demoSystems() || systems.count() > 0) {
            return;
        }
        Instant now = Instant.now();
        seed(new AppSystem("ctrade", "集中交易系统", "dept-operations", true), now);
        seed(new AppSystem("clearing", "清算系统", "dept-clearing", true), now);
        seed(new AppSystem("registry", "登记存管系统", "dept-registry", false), now);
        seed(new AppSystem("clearflow", "ClearFlow", "dept-it", false), now);
    }

    private void seed(AppSystem system, Instant now) {
        systems.insert(system, now);
        int position = 0;
        for (String environment : ENVIRONMENTS) {
            String target = system.code() + "-" + environment;
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("steps", STEPS);
            settings.put("target", "delivery/deployed/" + system.code() + "/" + environment + "/" + target);
            settings.put("timeout", "PT5M");
            environments.insert(system.code(), environment, target, position++, "embedded", settings);
        }
    }
}
