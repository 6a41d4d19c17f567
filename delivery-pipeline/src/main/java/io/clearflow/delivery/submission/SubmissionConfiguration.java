package io.clearflow.delivery.submission;

import io.clearflow.engine.api.NavigationItem;
import io.clearflow.engine.work.ModuleOwnedProcess;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Test submissions' settings, menu entry and process ownership. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GateProperties.class)
class SubmissionConfiguration {

    /** A submission's steps move only through its own pages and API, which keep its state and process in step. */
    @Bean
    ModuleOwnedProcess deliveryOwnsTestSubmissions() {
        return new ModuleOwnedProcess(SubmissionService.PROCESS_KEY);
    }

    @Bean
    NavigationItem deliverySubmissionsNavigation() {
        return new NavigationItem("delivery.submission.nav", "/delivery/test-submissions", 41,
                List.of("DEVELOPER", "TESTER", "QC", "OPS", "IT_MANAGER", "COMPLIANCE", "ADMIN"), null);
    }
}
