package io.clearflow.engine.monitor;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.flowable.engine.ManagementService;
import org.flowable.job.api.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Job monitoring (作业监控): the engine's asynchronous jobs (async steps waiting for the executor),
 * timers, suspended jobs, and the failed ones among them (waiting for a retry, or out of retries:
 * dead letters), with their error and stack trace. Operations retry a failed job, move a dead
 * letter or a timer back to the executable jobs so it runs now, or delete a job for good.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN','OPS','PROCESS_OWNER','IT_MANAGER')")
class JobMonitor {

    private static final Logger log = LoggerFactory.getLogger(JobMonitor.class);
    static final int RETRIES_ON_RETRY = 3;
    /** At most this many jobs of each kind are listed; the counts are always complete. */
    static final int MAX_LISTED = 500;

    /** Where a job is in Flowable: its own table for each. */
    public enum Kind {
        ASYNC, TIMER, SUSPENDED, DEADLETTER;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the job page lists: failed jobs (the default), one kind, or everything. */
    public static final List<String> VIEWS = List.of("failed", "async", "timer", "suspended", "deadletter", "all");

    /**
     * A job as monitoring shows it. {@code state}: {@code waiting} (async, to be run by the executor),
     * {@code scheduled} (a timer not yet due), {@code retrying} (failed, retries left, waiting),
     * {@code dead} (no retries left), {@code suspended} (its instance is suspended).
     */
    public record JobView(String id, String kind, String state, String caseId, String processDefinitionId,
                            String activityId, String activityName, String handlerType, int retriesLeft, String error,
                            Instant createdAt, Instant dueAt) {
        public boolean failed() {
            return error != null || "dead".equals(state);
        }
    }

    /** How many jobs of each kind there are, and how many have failed. */
    public record Counts(long async, long timer, long suspended, long deadletter, long failed) { }

    private final ManagementService management;

    public JobMonitor(ManagementService management) {
        this.management = management;
    }

    public List<JobView> failedJobs() {
        return jobs("failed", null);
    }

    /** Jobs of a view ({@link #VIEWS}), optionally of one process instance, newest first. */
    public List<JobView> jobs(String view, String caseId) {
        String v = view == null || view.isBlank() ? "failed" : view.strip().toLowerCase(Locale.ROOT);
        if (!VIEWS.contains(v)) {
            throw new InvalidRequestException("monitor.refused.jobView", Map.of("view", "monitor.refused.jobViewField"));
        }
        boolean all = v.equals("all");
        boolean failed = v.equals("failed");
        List<JobView> jobs = new ArrayList<>();
        if (all || v.equals("async") || failed) {
            var q = management.createJobQuery();
            if (caseId != null) q.processInstanceId(caseId);
            if (failed) q.withException();
            q.listPage(0, MAX_LISTED).forEach(j -> jobs.add(view(j, Kind.ASYNC)));
        }
        if (all || v.equals("timer") || failed) {
            var q = management.createTimerJobQuery();
            if (caseId != null) q.processInstanceId(caseId);
            if (failed) q.withException();
            q.listPage(0, MAX_LISTED).forEach(j -> jobs.add(view(j, Kind.TIMER)));
        }
        if (all || v.equals("suspended") || failed) {
            var q = management.createSuspendedJobQuery();
            if (caseId != null) q.processInstanceId(caseId);
            if (failed) q.withException();
            q.listPage(0, MAX_LISTED).forEach(j -> jobs.add(view(j, Kind.SUSPENDED)));
        }
        if (all || v.equals("deadletter") || failed) {
            var q = management.createDeadLetterJobQuery();
            if (caseId != null) q.processInstanceId(caseId);
            q.listPage(0, MAX_LISTED).forEach(j -> jobs.add(view(j, Kind.DEADLETTER)));
        }
        jobs.sort(Comparator.comparing(JobView::createdAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return jobs;
    }

    public Counts counts() {
        long failed = management.createJobQuery().withException().count()
                + management.createTimerJobQuery().withException().count()
                + management.createSuspendedJobQuery().withException().count()
                + management.createDeadLetterJobQuery().count();
        return new Counts(management.createJobQuery().count(), management.createTimerJobQuery().count(),
                management.createSuspendedJobQuery().count(), management.createDeadLetterJobQuery().count(), failed);
    }

    /** One job, whatever its kind. */
    public JobView job(String jobId) {
        Found found = find(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
        return view(found.job(), found.kind());
    }

    /** The full stack trace of a job's last failure, for the person fixing it; empty if it never failed. */
    public String stacktrace(String jobId) {
        Found found = find(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
        String trace = switch (found.kind()) {
            case ASYNC -> management.getJobExceptionStacktrace(jobId);
            case TIMER -> management.getTimerJobExceptionStacktrace(jobId);
            case SUSPENDED -> management.getSuspendedJobExceptionStacktrace(jobId);
            case DEADLETTER -> management.getDeadLetterJobExceptionStacktrace(jobId);
        };
        return trace == null ? "" : trace;
    }

    /**
     * The innermost cause in a stack trace ("Caused by: ..."), which names what really went wrong;
     * the engine's own message only says which expression or step failed.
     */
    public static String rootCause(String stacktrace) {
        if (stacktrace == null || stacktrace.isBlank()) {
            return null;
        }
        String cause = null;
        for (String line : stacktrace.split("\\R")) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length());
            }
        }
        return cause != null ? cause : stacktrace.lines().findFirst().orElse(null);
    }

    /** Runs a failed job again as soon as possible; a dead letter gets {@value #RETRIES_ON_RETRY} fresh retries. */
    public void retry(Member by, String jobId) {
        if (management.createDeadLetterJobQuery().jobId(jobId).count() > 0) {
            management.moveDeadLetterJobToExecutableJob(jobId, RETRIES_ON_RETRY);
        } else if (management.createTimerJobQuery().jobId(jobId).withException().count() > 0) {
            management.moveTimerToExecutableJob(jobId);
        } else if (management.createJobQuery().jobId(jobId).withException().count() > 0) {
            management.setJobRetries(jobId, RETRIES_ON_RETRY);
        } else {
            throw new NotFoundException("failed job", jobId);
        }
        log.info("Job {} retried by {}", jobId, by.userId());
    }

    /**
     * Moves a job back to the executable jobs so the executor runs it now: a dead letter (with
     * {@value #RETRIES_ON_RETRY} fresh retries) or a timer, due or not (a timer that should have
     * fired, or that someone wants fired now).
     */
    public void moveToExecutable(Member by, String jobId) {
        Found found = find(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
        switch (found.kind()) {
            case DEADLETTER -> management.moveDeadLetterJobToExecutableJob(jobId, RETRIES_ON_RETRY);
            case TIMER -> management.moveTimerToExecutableJob(jobId);
            default -> throw new ConflictException("monitor.refused.notMovable", found.kind().value());
        }
        log.info("Job {} ({}) moved to the executable jobs by {}", jobId, found.kind().value(), by.userId());
    }

    /** Deletes a job for good, whatever its kind; its process instance stays where it is. */
    public void delete(Member by, String jobId) {
        Found found = find(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
        switch (found.kind()) {
            case ASYNC -> management.deleteJob(jobId);
            case TIMER -> management.deleteTimerJob(jobId);
            case SUSPENDED -> management.deleteSuspendedJob(jobId);
            case DEADLETTER -> management.deleteDeadLetterJob(jobId);
        }
        log.info("Job {} ({}) deleted by {}", jobId, found.kind().value(), by.userId());
    }

    private record Found(Kind kind, Job job) { }

    private Optional<Found> find(String jobId) {
        if (jobId == null || jobId.isBlank() || jobId.length() > 64) {
            return Optional.empty();
        }
        Job job = management.createJobQuery().jobId(jobId).singleResult();
        if (job != null) return Optional.of(new Found(Kind.ASYNC, job));
        job = management.createTimerJobQuery().jobId(jobId).singleResult();
        if (job != null) return Optional.of(new Found(Kind.TIMER, job));
        job = management.createDeadLetterJobQuery().jobId(jobId).singleResult();
        if (job != null) return Optional.of(new Found(Kind.DEADLETTER, job));
        job = management.createSuspendedJobQuery().jobId(jobId).singleResult();
        if (job != null) return Optional.of(new Found(Kind.SUSPENDED, job));
        return Optional.empty();
    }

    private static JobView view(Job job, Kind kind) {
        boolean failed = job.getExceptionMessage() != null;
        String state = switch (kind) {
            case DEADLETTER -> "dead";
            case SUSPENDED -> "suspended";
            case TIMER -> failed ? "retrying" : "scheduled";
            case ASYNC -> failed ? "retrying" : "waiting";
        };
        return new JobView(job.getId(), kind.value(), state, job.getProcessInstanceId(), job.getProcessDefinitionId(),
                job.getElementId(), job.getElementName(), job.getJobHandlerType(), job.getRetries(),
                job.getExceptionMessage(), instant(job.getCreateTime()), instant(job.getDuedate()));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
