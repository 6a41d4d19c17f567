package io.clearflow.delivery.audit;

import io.clearflow.engine.api.LargeUpload;
import java.nio.file.Path;
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

    @Bean
    LargeUpload auditPackageUpload(AuditProperties properties) {
        return new LargeUpload("/api/delivery/audits/{id}/packages", properties.maxPackageSize());
    }

    @Bean
    LargeUpload auditPackageUploadPage(AuditProperties properties) {
        return new LargeUpload("/delivery/audits/{id}/packages", properties.maxPackageSize());
    }
}
