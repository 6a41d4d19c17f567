package io.clearflow.engine.monitor;

import io.clearflow.engine.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/monitor/jobs")
@Tag(name = "Job monitoring", description = "Async jobs, timers, suspended, failed and dead-letter jobs (roles ADMIN, OPS, "
        + "PROCESS_OWNER, IT_MANAGER)")
class JobMonitorController {

    private final JobMonitor monitor;
    private final CurrentUser currentUser;

    JobMonitorController(JobMonitor monitor, CurrentUser currentUser) {
        this.monitor = monitor;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(summary = "Jobs, newest first: view=failed (default: waiting for a retry, or dead letters), async, timer, "
            + "suspended, deadletter or all; optionally of one process instance")
    List<JobMonitor.JobView> jobs(@RequestParam(required = false) String view,
                                  @RequestParam(required = false) String caseId) {
        return monitor.jobs(view, caseId);
    }

    @GetMapping("/counts")
    JobMonitor.Counts counts() {
        return monitor.counts();
    }

    @GetMapping("/{jobId}")
    JobMonitor.JobView job(@PathVariable String jobId) {
        return monitor.job(jobId);
    }

    @GetMapping(value = "/{jobId}/stacktrace", produces = MediaType.TEXT_PLAIN_VALUE)
    String stacktrace(@PathVariable String jobId) {
        return monitor.stacktrace(jobId);
    }

    @PostMapping("/{jobId}/retry")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Run a failed job again now (a dead letter gets 3 fresh retries)")
    void retry(@PathVariable String jobId) {
        monitor.retry(currentUser.get(), jobId);
    }

    @PostMapping("/{jobId}/move-to-executable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Move a dead letter or a timer back to the executable jobs, so it runs now (409 for other kinds)")
    void moveToExecutable(@PathVariable String jobId) {
        monitor.moveToExecutable(currentUser.get(), jobId);
    }

    @DeleteMapping("/{jobId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a job for good, whatever its kind")
    void delete(@PathVariable String jobId) {
        monitor.delete(currentUser.get(), jobId);
    }
}
