package io.clearflow.delivery.project;

import io.clearflow.engine.api.NavigationItem;
import io.clearflow.engine.work.ModuleOwnedProcess;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Projects' process ownership and menu entry. */
@Configuration(proxyBeanMethods = false)
class ProjectConfiguration {

    /** A project's milestones move only through its page and API, which keep its stage and case in step. */
    @Bean
    ModuleOwnedProcess deliveryOwnsProjects() {
        return new ModuleOwnedProcess(ProjectService.PROCESS_KEY);
    }

    @Bean
    NavigationItem deliveryProjectNavigation() {
        return new NavigationItem("delivery.project.nav", "/delivery/projects", 41,
                List.of("DEVELOPER", "TESTER", "QC", "OPS", "IT_MANAGER", "COMPLIANCE", "ADMIN", "PROCESS_OWNER",
                        "BUSINESS"), null);
    }
}
