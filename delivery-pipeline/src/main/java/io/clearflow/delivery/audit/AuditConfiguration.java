package io.clearflow.delivery.audit;

import io.clearflow.engine.api.LargeUpload;
import io.clearflow.engine.api.NavigationItem;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit's storage and its upload limit (vendor packages are larger than the platform's 25 MB default). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

    @Bean
    AuditStorage auditStorage(AuditProperties properties, @Value("${clearflow.data-dir:data}") Path dataDir) {
        return new AuditStorage(dataDir.resolve(properties.storage()));
    }

    /** In the delivery menu for its readers (the roles of {@code DeliveryAccess.READ}). */
    @Bean
    NavigationItem auditNavigation() {
        return new NavigationItem("delivery.audit.nav", "/delivery/audits", 57,
                List.of("DEVELOPER", "TESTER", "QC", "OPS", "IT_MANAGER", "COMPLIANCE", "ADMIN"));
    }

    @Bean
    LargeUpload auditPackageUpload(AuditProperties properties) {
        return new LargeUpload("/api/delivery/audits/{id}/packages", properties.maxPackageSize());
    }

    @Bean
    LargeUpload auditPackageUploadPage(AuditProperties properties) {
        return new LargeUpload("/delivery/audits/{id}/packages", properties.maxPackageSize());
    }
}
