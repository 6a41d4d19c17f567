package io.clearflow.delivery;

import io.clearflow.engine.api.LargeUpload;
import io.clearflow.engine.api.ModuleSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delivery module's tables and its upload limits. Migrations in {@code db/migration/delivery}: V1 versions,
 * artifacts and deployments; V3 test submissions and changes (each feature owns its file).
 */
@Configuration(proxyBeanMethods = false)
class DeliveryModuleConfiguration {

    @Bean
    ModuleSchema deliverySchema() {
        return new ModuleSchema("delivery", "classpath:db/migration/delivery");
    }

    /** Artifacts are streamed to the store, so they may be as large as {@code clearflow.delivery.max-upload-size}. */
    @Bean
    LargeUpload artifactUpload(DeliveryProperties properties) {
        return new LargeUpload("/api/delivery/versions/{id}/artifacts", properties.maxUploadSize());
    }

    @Bean
    LargeUpload artifactUploadPage(DeliveryProperties properties) {
        return new LargeUpload("/delivery/versions/{id}/artifacts", properties.maxUploadSize());
    }
}
