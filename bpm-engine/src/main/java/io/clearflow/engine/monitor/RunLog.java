package io.clearflow.engine.monitor;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.api.PlatformEvent.Lifecycle;
import io.clearflow.engine.eventlog.EventLogFilter;
import io.clearflow.engine.eventlog.EventLogRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Task run log (任务运行日志) of one instance, read from the platform event log: each step with who
 * took it, who finished it, when, and its waiting time (arrival to claim) and handling time (claim
 * to submit), the seed's task metrics. The instance must be visible to the member under
 * {@link MonitorAccess}; then its whole log is shown, whichever departments worked on it.
 */
@Service
public class RunLog {

    static final int MAX_EVENTS = 2000;

    /**
     * One run of a user task (or a failed job). {@code outcome}: open, completed, sent-back,
     * withdrawn, cancelled or failed.
     */
    public record Step(String taskId, String activityId, String name, Instant arrived, Instant claimed,
                       String claimedBy, Instant finished, String finishedBy, Long waitingMs, Long handlingMs,
                       String outcome, String note) {

        public String waiting() {
            return MonitorDurations.format(waitingMs);
        }

        public String handling() {
            return MonitorDurations.format(handlingMs);
        }
    }

    public record View(InstanceRow instance, List<Step> steps, List<PlatformEvent> events) { }

    private final InstanceMonitor instances;
    private final EventLogRepository events;

    public RunLog(InstanceMonitor instances, EventLogRepository events) {
        this.instances = instances;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public View of(Member member, String instanceId) {
        InstanceRow instance = instances.instance(member, instanceId);
        List<PlatformEvent> log = events.find(EventLogFilter.none().withCaseId(instance.id()), 0, MAX_EVENTS);
        return new View(instance, steps(log), log);
    }

    static List<Step> steps(List<PlatformEvent> log) {
        Map<String, StepBuilder> byTask = new LinkedHashMap<>();
        List<Step> steps = new ArrayList<>();
        for (PlatformEvent e : log) {
            if (e.scope() == PlatformEvent.Scope.JOB && Lifecycle.FAIL.equals(e.lifecycle())) {
                steps.add(new Step(null, e.activityId(), e.activityName(), e.occurredAt(), null, null, e.occurredAt(),
                        null, null, null, "failed", e.attributes().get("error")));
                continue;
            }
            if (e.scope() != PlatformEvent.Scope.TASK || e.taskId() == null) {
                continue;
            }
            StepBuilder step = byTask.computeIfAbsent(e.taskId(), id -> {
                StepBuilder b = new StepBuilder(e);
                steps.add(null); // keep the step's place in arrival order
                b.position = steps.size() - 1;
                return b;
            });
            step.apply(e);
        }
        byTask.values().forEach(b -> steps.set(b.position, b.build()));
        return steps;
    }

    /** Folds a task's events into one step. */
    private static final class StepBuilder {
        final String taskId;
        final String activityId;
        final String name;
        int position;
        Instant arrived;
        Instant claimed;
        String claimedBy;
        Instant finished;
        String finishedBy;
        String outcome = "open";
        String note;

        StepBuilder(PlatformEvent first) {
            taskId = first.taskId();
            activityId = first.activityId();
            name = first.activityName();
            arrived = first.occurredAt();
        }

        void apply(PlatformEvent e) {
            switch (e.lifecycle()) {
                case Lifecycle.SCHEDULE -> arrived = e.occurredAt();
                case Lifecycle.ASSIGN -> {
                    if (claimed == null) {
                        claimed = e.occurredAt();
                    }
                    claimedBy = e.resource();
                }
                case Lifecycle.UNASSIGN -> {
                    claimed = null;
                    claimedBy = null;
                }
                case Lifecycle.COMPLETE -> finish(e, "completed");
                case Lifecycle.SEND_BACK -> {
                    finish(e, "sent-back");
                    note = e.attributes().get("reason");
                }
                case Lifecycle.WITHDRAW -> {
                    finish(e, "withdrawn");
                    note = e.attributes().get("reason");
                }
                case Lifecycle.CANCEL -> finish(e, "cancelled");
                case Lifecycle.DELEGATE, Lifecycle.REASSIGN -> note = e.resource() + " → " + e.attributes().get("to");
                default -> { }
            }
        }

        private void finish(PlatformEvent e, String how) {
            // the first ending counts: a send-back or withdrawal is followed by the engine removing the task
            if (finished == null) {
                finished = e.occurredAt();
                finishedBy = e.resource();
                outcome = how;
            }
        }

        Step build() {
            Long waiting = arrived == null || claimed == null ? null : Duration.between(arrived, claimed).toMillis();
            Instant handlingFrom = claimed != null ? claimed : arrived;
            Long handling = handlingFrom == null || finished == null || !"completed".equals(outcome) ? null
                    : Duration.between(handlingFrom, finished).toMillis();
            return new Step(taskId, activityId, name, arrived, claimed, claimedBy, finished, finishedBy, waiting, handling,
                    outcome, note);
        }
    }
}
