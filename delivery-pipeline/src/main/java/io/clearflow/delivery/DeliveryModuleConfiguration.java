package io.clearflow.delivery;

import io.clearflow.engine.api.ModuleSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delivery module's tables. Migrations in {@code db/migration/delivery}: V1 versions, artifacts and
 * deployments; V2 Jenkins builds; V3 test submissions and changes (each feature owns its file).
 */
@Configuration(proxyBeanMethods = false)
class DeliveryModuleConfiguration {

    @Bean
    ModuleSchema deliverySchema() {
        return new ModuleSchema("delivery", "classpath:db/migration/delivery");
    }
}
