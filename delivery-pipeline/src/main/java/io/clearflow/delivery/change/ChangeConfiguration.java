package io.clearflow.delivery.change;

import io.clearflow.engine.api.NavigationItem;
import io.clearflow.engine.work.ModuleOwnedProcess;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Change requests' settings and process ownership. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChangeProperties.class)
class ChangeConfiguration {

    /**
     * Approval steps wait in the ordinary inboxes, but move only through the change's page and API, which record
     * the decision beside the engine's step; whatever path completes a step, the engine's listener enforces
     * separation of duties ({@link ChangeSeparationListener}).
     */
    @Bean
    ModuleOwnedProcess deliveryOwnsChanges() {
        return new ModuleOwnedProcess(ChangeService.PROCESS_KEY);
    }

    @Bean
    NavigationItem deliveryChangesNavigation() {
        return new NavigationItem("delivery.change.nav", "/delivery/changes", 42,
                List.of("DEVELOPER", "TESTER", "QC", "OPS", "IT_MANAGER", "COMPLIANCE", "ADMIN"), null);
    }
}
