package io.clearflow.engine.monitor;

import io.clearflow.engine.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The job-monitoring pages: jobs by view, one job with its stack trace, and the operations on them. */
@Controller
class JobMonitorPageController {

    private final JobMonitor monitor;
    private final CurrentUser currentUser;

    JobMonitorPageController(JobMonitor monitor, CurrentUser currentUser) {
        this.monitor = monitor;
        this.currentUser = currentUser;
    }

    @GetMapping("/monitor/jobs")
    String jobs(@RequestParam(defaultValue = "failed") String view, @RequestParam(required = false) String caseId,
                Model model) {
        model.addAttribute("jobs", monitor.jobs(view, caseId == null || caseId.isBlank() ? null : caseId.strip()));
        model.addAttribute("counts", monitor.counts());
        model.addAttribute("views", JobMonitor.VIEWS);
        model.addAttribute("view", view);
        return "monitor/jobs";
    }

    @GetMapping("/monitor/jobs/{jobId}")
    String job(@PathVariable String jobId, Model model) {
        model.addAttribute("job", monitor.job(jobId));
        String trace = monitor.stacktrace(jobId);
        model.addAttribute("stacktrace", trace);
        model.addAttribute("rootCause", JobMonitor.rootCause(trace));
        return "monitor/job";
    }

    @PostMapping("/monitor/jobs/{jobId}/retry")
    String retry(@PathVariable String jobId, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        monitor.retry(currentUser.get(), jobId);
        redirect.addFlashAttribute("flash", "monitor.retried");
        return redirect(back);
    }

    @PostMapping("/monitor/jobs/{jobId}/move")
    String move(@PathVariable String jobId, RedirectAttributes redirect) {
        monitor.moveToExecutable(currentUser.get(), jobId);
        redirect.addFlashAttribute("flash", "monitor.jobs.moved");
        return "redirect:/monitor/jobs";
    }

    @PostMapping("/monitor/jobs/{jobId}/delete")
    String delete(@PathVariable String jobId, RedirectAttributes redirect) {
        monitor.delete(currentUser.get(), jobId);
        redirect.addFlashAttribute("flash", "monitor.deleted");
        return "redirect:/monitor/jobs";
    }

    /** Back to the page the action came from, if it is one of ours (never an outside address). */
    static String redirect(String back) {
        return back != null && back.matches("/monitor/[a-z-]+") ? "redirect:" + back : "redirect:/monitor/jobs";
    }
}
