package io.clearflow.testmetrics;

import io.clearflow.engine.api.ModuleSchema;
import io.clearflow.engine.api.NavigationItem;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The test-metrics module's tables, settings and menu entry. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TestMetricsProperties.class)
class TestMetricsModuleConfiguration {

    /** Roles that read test evidence and metrics (pages and GET APIs). */
    public static final List<String> READERS = List.of("TESTER", "IT_MANAGER", "DEVELOPER", "QC", "ADMIN");

    @Bean
    ModuleSchema testMetricsSchema() {
        return new ModuleSchema("testmetrics", "classpath:db/migration/testmetrics");
    }

    @Bean
    NavigationItem testMetricsNavigation() {
        return new NavigationItem("tm.nav", "/test-metrics", 60, READERS);
    }

    @Bean
    NavigationItem maturityNavigation() {
        return new NavigationItem("tm.nav.maturity", "/test-metrics/maturity", 62, READERS);
    }

    @Bean
    NavigationItem doraNavigation() {
        return new NavigationItem("tm.nav.dora", "/test-metrics/dora", 61, READERS);
    }
}
