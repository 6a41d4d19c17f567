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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/monitor/jobs")
@Tag(name = "Monitoring", description = "Failed and dead-letter jobs (roles ADMIN, OPS, PROCESS_OWNER)")
class JobMonitorController {

    private final JobMonitor monitor;
    private final CurrentUser currentUser;

    JobMonitorController(JobMonitor monitor, CurrentUser currentUser) {
        this.monitor = monitor;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(summary = "Failed jobs waiting for a retry and dead letters, newest first")
    List<JobMonitor.FailedJob> failed() {
        return monitor.failedJobs();
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

    @DeleteMapping("/{jobId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a failed job for good")
    void delete(@PathVariable String jobId) {
        monitor.delete(currentUser.get(), jobId);
    }
}
