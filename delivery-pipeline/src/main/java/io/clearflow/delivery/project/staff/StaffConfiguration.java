package io.clearflow.delivery.project.staff;

import io.clearflow.engine.api.NavigationItem;
import io.clearflow.engine.work.CaseDetailContributor;
import io.clearflow.engine.work.ModuleOwnedProcess;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HR pool's process ownership, menu entry, and the link from its tasks to the person's page. */
@Configuration(proxyBeanMethods = false)
class StaffConfiguration {

    /** What the shell's task page reads: {@code moduleLink.path} and the bundle key {@code moduleLink.label}. */
    record ModuleLink(String path, String label) { }

    /** Onboarding and offboarding steps move only with their checklists, on the person's page and API. */
    @Bean
    ModuleOwnedProcess deliveryOwnsOnboarding() {
        return new ModuleOwnedProcess(StaffService.ONBOARDING_KEY);
    }

    @Bean
    ModuleOwnedProcess deliveryOwnsOffboarding() {
        return new ModuleOwnedProcess(StaffService.OFFBOARDING_KEY);
    }

    @Bean
    NavigationItem deliveryStaffNavigation() {
        return new NavigationItem("delivery.project.staff.nav", "/delivery/staff", 42, List.of("IT_MANAGER", "ADMIN"), null);
    }

    @Bean
    CaseDetailContributor staffCaseLink() {
        return (caseView, model) -> {
            String key = caseView.businessKey();
            boolean ours = StaffService.ONBOARDING_KEY.equals(caseView.processKey())
                    || StaffService.OFFBOARDING_KEY.equals(caseView.processKey());
            if (ours && key != null && key.matches("HR-\\d{1,18}")) {
                model.addAttribute("moduleLink", new ModuleLink("/delivery/staff/" + key.substring(3),
                        "delivery.project.staff.openPage"));
            }
        };
    }
}
