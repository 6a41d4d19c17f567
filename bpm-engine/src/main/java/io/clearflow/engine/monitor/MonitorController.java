package io.clearflow.engine.monitor;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Process monitoring over REST: instances (running and historic), one instance's run log, the
 * department query, usage statistics (figures and chart options) and exception tasks. Dates are
 * {@code yyyy-MM-dd} in the firm's zone ({@code to} inclusive), months {@code yyyy-MM}.
 */
@RestController
@RequestMapping("/api/monitor")
@Tag(name = "Monitoring", description = "Process instances, run logs, department query, usage statistics, exception tasks."
        + " ADMIN, OPS, PROCESS_OWNER and IT_MANAGER see every department; others their own department's instances")
class MonitorController {

    private final InstanceMonitor instances;
    private final RunLog runLog;
    private final DepartmentReport departments;
    private final UsageStatistics statistics;
    private final UsageCharts charts;
    private final ExceptionTasks exceptionTasks;
    private final MonitorPeriod period;
    private final CurrentUser currentUser;

    MonitorController(InstanceMonitor instances, RunLog runLog, DepartmentReport departments, UsageStatistics statistics,
                      UsageCharts charts, ExceptionTasks exceptionTasks, MonitorPeriod period, CurrentUser currentUser) {
        this.instances = instances;
        this.runLog = runLog;
        this.departments = departments;
        this.statistics = statistics;
        this.charts = charts;
        this.exceptionTasks = exceptionTasks;
        this.period = period;
        this.currentUser = currentUser;
    }

    @GetMapping("/instances")
    @Operation(summary = "Process instances, running and ended, by start time (sort=desc|asc); status: running, "
            + "completed, withdrawn, failed; department: the initiator's")
    InstanceMonitor.InstancePage instances(@RequestParam(required = false) String processKey,
                                           @RequestParam(required = false) String status,
                                           @RequestParam(required = false) String department,
                                           @RequestParam(required = false) String initiator,
                                           @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size,
                                           @RequestParam(defaultValue = "desc") String sort) {
        return instances.search(currentUser.get(),
                new InstanceFilter(processKey, status, department, initiator, period.from(from), period.to(to)),
                ascending(sort), page, size);
    }

    @GetMapping("/instances/{instanceId}")
    InstanceRow instance(@PathVariable String instanceId) {
        return instances.instance(currentUser.get(), instanceId);
    }

    @GetMapping("/instances/{instanceId}/run-log")
    @Operation(summary = "Task run log: each step with who, when, waiting time (arrival→claim) and handling time "
            + "(claim→submit), and the raw event-log rows")
    RunLog.View runLog(@PathVariable String instanceId) {
        return runLog.of(currentUser.get(), instanceId);
    }

    @GetMapping("/departments")
    @Operation(summary = "Per initiator department: instances started in the period (default this month) and where they stand")
    List<DepartmentReport.DepartmentFigures> departments(@RequestParam(required = false) String from,
                                                         @RequestParam(required = false) String to) {
        Instant start = from == null || from.isBlank() ? period.startOf(period.currentMonth()) : period.from(from);
        Instant end = to == null || to.isBlank() ? period.startOf(period.currentMonth().plusMonths(1)) : period.to(to);
        return departments.departments(currentUser.get(), start, end);
    }

    @GetMapping("/statistics")
    @Operation(summary = "Starts, completions, mean and p90 duration per process and per department: month vs the month before")
    UsageStatistics.Report statistics(@RequestParam(required = false) String month) {
        return statistics.month(currentUser.get(), period.month(month));
    }

    @GetMapping("/statistics/chart")
    @Operation(summary = "The statistics as an ECharts option: by=process|department, measure=volume|duration")
    Map<String, Object> chart(@RequestParam(required = false) String month,
                              @RequestParam(defaultValue = "process") String by,
                              @RequestParam(defaultValue = "volume") String measure, Locale locale) {
        return charts.option(statistics.month(currentUser.get(), period.month(month)), by, measure, locale);
    }

    @GetMapping("/exception-tasks")
    @Operation(summary = "Open tasks that are overdue or whose instance has a failed job (ADMIN, OPS, PROCESS_OWNER, IT_MANAGER)")
    List<ExceptionTasks.ExceptionTask> exceptionTasks() {
        return exceptionTasks.list();
    }

    record Reassignment(String userId, String reason) { }

    @PostMapping("/exception-tasks/{taskId}/reassign")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Give an open task to another of its candidates, with a reason (logged as reassign)")
    void reassign(@PathVariable String taskId, @RequestBody Reassignment body) {
        exceptionTasks.reassign(currentUser.get(), taskId, body.userId(), body.reason());
    }

    static boolean ascending(String sort) {
        return switch (sort == null ? "desc" : sort.strip().toLowerCase(Locale.ROOT)) {
            case "asc", "starttime,asc" -> true;
            case "desc", "starttime,desc" -> false;
            default -> throw new InvalidRequestException("monitor.refused.sort", Map.of("sort", "monitor.refused.sortField"));
        };
    }
}
