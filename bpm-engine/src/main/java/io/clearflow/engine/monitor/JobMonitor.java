package io.clearflow.engine.monitor;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.flowable.engine.ManagementService;
import org.flowable.job.api.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Job monitoring (作业监控): asynchronous jobs that failed and wait for a retry, and jobs whose
 * retries ran out (dead letters), with their error; operations retry them or delete them.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN','OPS','PROCESS_OWNER')")
public class JobMonitor {

    private static final Logger log = LoggerFactory.getLogger(JobMonitor.class);
    static final int RETRIES_ON_RETRY = 3;

    /** {@code state}: {@code retrying} (failed, retries left, waiting) or {@code dead} (no retries left). */
    public record FailedJob(String id, String state, String caseId, String processDefinitionId, String activityId,
                            String activityName, int retriesLeft, String error, Instant failedAt, Instant dueAt) { }

    private final ManagementService management;

    public JobMonitor(ManagementService management) {
        this.management = management;
    }

    public List<FailedJob> failedJobs() {
        List<FailedJob> jobs = new ArrayList<>();
        management.createTimerJobQuery().withException().list().forEach(j -> jobs.add(view(j, "retrying")));
        management.createDeadLetterJobQuery().list().forEach(j -> jobs.add(view(j, "dead")));
        jobs.sort(Comparator.comparing(FailedJob::failedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return jobs;
    }

    /** The full stack trace of a failed job, for the person fixing it. */
    public String stacktrace(String jobId) {
        if (management.createDeadLetterJobQuery().jobId(jobId).count() > 0) {
            return management.getDeadLetterJobExceptionStacktrace(jobId);
        }
        if (management.createTimerJobQuery().jobId(jobId).withException().count() > 0) {
            return management.getTimerJobExceptionStacktrace(jobId);
        }
        throw new NotFoundException("failed job", jobId);
    }

    /** Runs a failed job again as soon as possible; a dead letter gets {@value #RETRIES_ON_RETRY} fresh retries. */
    public void retry(Member by, String jobId) {
        if (management.createDeadLetterJobQuery().jobId(jobId).count() > 0) {
            management.moveDeadLetterJobToExecutableJob(jobId, RETRIES_ON_RETRY);
        } else if (management.createTimerJobQuery().jobId(jobId).withException().count() > 0) {
            management.moveTimerToExecutableJob(jobId);
        } else {
            throw new NotFoundException("failed job", jobId);
        }
        log.info("Job {} retried by {}", jobId, by.userId());
    }

    /** Deletes a failed job for good; its process instance stays where it is. */
    public void delete(Member by, String jobId) {
        if (management.createDeadLetterJobQuery().jobId(jobId).count() > 0) {
            management.deleteDeadLetterJob(jobId);
        } else if (management.createTimerJobQuery().jobId(jobId).withException().count() > 0) {
            management.deleteTimerJob(jobId);
        } else {
            throw new NotFoundException("failed job", jobId);
        }
        log.info("Failed job {} deleted by {}", jobId, by.userId());
    }

    private static FailedJob view(Job job, String state) {
        return new FailedJob(job.getId(), state, job.getProcessInstanceId(), job.getProcessDefinitionId(),
                job.getElementId(), job.getElementName(), job.getRetries(), job.getExceptionMessage(),
                instant(job.getCreateTime()), instant(job.getDuedate()));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
