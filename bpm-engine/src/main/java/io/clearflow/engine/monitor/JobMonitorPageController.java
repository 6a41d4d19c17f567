package io.clearflow.engine.monitor;

import io.clearflow.engine.api.NavigationItem;
import io.clearflow.engine.security.CurrentUser;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The job-monitoring page. */
@Controller
class JobMonitorPageController {

    private final JobMonitor monitor;
    private final CurrentUser currentUser;

    JobMonitorPageController(JobMonitor monitor, CurrentUser currentUser) {
        this.monitor = monitor;
        this.currentUser = currentUser;
    }

    @GetMapping("/monitor/jobs")
    String jobs(Model model) {
        model.addAttribute("jobs", monitor.failedJobs());
        return "monitor/jobs";
    }

    @GetMapping("/monitor/jobs/{jobId}")
    String job(@PathVariable String jobId, Model model) {
        model.addAttribute("job", monitor.failedJobs().stream().filter(j -> j.id().equals(jobId)).findFirst()
                .orElseThrow(() -> new io.clearflow.engine.api.NotFoundException("failed job", jobId)));
        model.addAttribute("stacktrace", monitor.stacktrace(jobId));
        return "monitor/job";
    }

    @PostMapping("/monitor/jobs/{jobId}/retry")
    String retry(@PathVariable String jobId, RedirectAttributes redirect) {
        monitor.retry(currentUser.get(), jobId);
        redirect.addFlashAttribute("flash", "monitor.retried");
        return "redirect:/monitor/jobs";
    }

    @PostMapping("/monitor/jobs/{jobId}/delete")
    String delete(@PathVariable String jobId, RedirectAttributes redirect) {
        monitor.delete(currentUser.get(), jobId);
        redirect.addFlashAttribute("flash", "monitor.deleted");
        return "redirect:/monitor/jobs";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem jobMonitorNavigation() {
            return new NavigationItem("nav.monitor", "/monitor/jobs", 90, List.of("ADMIN", "OPS", "PROCESS_OWNER"));
        }
    }
}
