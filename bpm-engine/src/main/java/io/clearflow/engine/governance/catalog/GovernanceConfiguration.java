package io.clearflow.engine.governance.catalog;

import io.clearflow.engine.api.ModuleSchema;
import io.clearflow.engine.api.NavigationItem;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalog's tables and its menu entry 流程治理. */
@Configuration(proxyBeanMethods = false)
class GovernanceConfiguration {

    @Bean
    ModuleSchema governanceSchema() {
        return new ModuleSchema("governance", "classpath:db/migration/governance");
    }

    @Bean
    NavigationItem governanceNavigation() {
        return new NavigationItem("nav.governance", "/governance", 70,
                List.of("ADMIN", "PROCESS_OWNER", "COMPLIANCE", "IT_MANAGER"), NavigationItem.GOVERNANCE);
    }
}
