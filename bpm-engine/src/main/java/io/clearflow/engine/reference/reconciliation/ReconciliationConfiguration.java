package io.clearflow.engine.reference.reconciliation;

import io.clearflow.engine.api.ModuleSchema;
import io.clearflow.engine.api.NavigationItem;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tables and menu entry of reconciliation confirmation (对账确认). */
@Configuration(proxyBeanMethods = false)
class ReconciliationConfiguration {

    @Bean
    ModuleSchema reconciliationSchema() {
        return new ModuleSchema("reconciliation", "classpath:db/migration/reconciliation");
    }

    @Bean
    NavigationItem reconciliationNavigation() {
        return new NavigationItem("recon.nav", "/reconciliation", 60, List.of("DEPT_" + ReconciliationConfirmationService.DEPARTMENT, "ADMIN", "PROCESS_OWNER"), NavigationItem.BUSINESS);
    }
}
