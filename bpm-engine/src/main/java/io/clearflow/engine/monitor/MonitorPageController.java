package io.clearflow.engine.monitor;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.security.CurrentUser;
import java.time.Instant;
import java.time.YearMonth;
import org.flowable.engine.RepositoryService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The monitoring pages besides jobs: instance query, run log, department query, statistics, exception tasks. */
@Controller
class MonitorPageController {

    static final int PAGE_SIZE = 20;

    private final InstanceMonitor instances;
    private final RunLog runLog;
    private final DepartmentReport departments;
    private final UsageStatistics statistics;
    private final ExceptionTasks exceptionTasks;
    private final JobMonitor jobs;
    private final MonitorPeriod period;
    private final MonitorAccess access;
    private final OrgDirectory directory;
    private final RepositoryService repository;
    private final CurrentUser currentUser;

    MonitorPageController(InstanceMonitor instances, RunLog runLog, DepartmentReport departments,
                          UsageStatistics statistics, ExceptionTasks exceptionTasks, JobMonitor jobs,
                          MonitorPeriod period, MonitorAccess access, OrgDirectory directory,
                          RepositoryService repository, CurrentUser currentUser) {
        this.instances = instances;
        this.runLog = runLog;
        this.departments = departments;
        this.statistics = statistics;
        this.exceptionTasks = exceptionTasks;
        this.jobs = jobs;
        this.period = period;
        this.access = access;
        this.directory = directory;
        this.repository = repository;
        this.currentUser = currentUser;
    }

    @GetMapping("/monitor/instances")
    String instances(@RequestParam(required = false) String processKey, @RequestParam(required = false) String status,
                     @RequestParam(required = false) String department, @RequestParam(required = false) String initiator,
                     @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     @RequestParam(defaultValue = "desc") String sort, @RequestParam(defaultValue = "0") int page,
                     Model model) {
        var me = currentUser.get();
        var filter = new InstanceFilter(processKey, status, department, initiator, period.from(from), period.to(to));
        model.addAttribute("result", instances.search(me, filter, MonitorController.ascending(sort), Math.max(0, page), PAGE_SIZE));
        model.addAttribute("sort", sort);
        model.addAttribute("statuses", java.util.List.of("running", "failed", "completed", "withdrawn"));
        model.addAttribute("processes", repository.createProcessDefinitionQuery().latestVersion()
                .orderByProcessDefinitionName().asc().list());
        model.addAttribute("departments", access.seesAll(me) ? directory.units(OrgUnit.Type.DEPARTMENT)
                : directory.unit(me.department()).stream().toList());
        return "monitor/instances";
    }

    @GetMapping("/monitor/instances/{instanceId}")
    String runLog(@PathVariable String instanceId, Model model) {
        var me = currentUser.get();
        var view = runLog.of(me, instanceId);
        model.addAttribute("view", view);
        model.addAttribute("jobs", access.seesAll(me) ? jobs.jobs("all", view.instance().id()) : java.util.List.of());
        return "monitor/instance";
    }

    @GetMapping("/monitor/departments")
    String departments(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                       Model model) {
        YearMonth month = period.currentMonth();
        Instant start = from == null || from.isBlank() ? period.startOf(month) : period.from(from);
        Instant end = to == null || to.isBlank() ? period.startOf(month.plusMonths(1)) : period.to(to);
        model.addAttribute("rows", departments.departments(currentUser.get(), start, end));
        model.addAttribute("fromDate", start.atZone(period.zone()).toLocalDate());
        model.addAttribute("toDate", end.atZone(period.zone()).toLocalDate().minusDays(1));
        return "monitor/departments";
    }

    @GetMapping("/monitor/statistics")
    String statistics(@RequestParam(required = false) String month, Model model) {
        YearMonth m = period.month(month);
        model.addAttribute("report", statistics.month(currentUser.get(), m));
        return "monitor/statistics";
    }

    @GetMapping("/monitor/exceptions")
    String exceptions(Model model) {
        model.addAttribute("tasks", exceptionTasks.list());
        model.addAttribute("failedJobs", jobs.failedJobs());
        model.addAttribute("members", directory.members());
        return "monitor/exceptions";
    }

    @PostMapping("/monitor/exceptions/{taskId}/reassign")
    String reassign(@PathVariable String taskId, @RequestParam String userId, @RequestParam String reason,
                    RedirectAttributes redirect) {
        try {
            exceptionTasks.reassign(currentUser.get(), taskId, userId, reason);
            redirect.addFlashAttribute("flash", "monitor.exceptions.reassigned");
        } catch (InvalidRequestException e) {
            // the refusal's one line (a bundle key), which the shell shows in the reader's language
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/monitor/exceptions";
    }
}
