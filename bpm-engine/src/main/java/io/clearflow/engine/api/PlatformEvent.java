package io.clearflow.engine.api;

import java.time.Instant;
import java.util.Map;

/**
 * One row of the platform event log: a lifecycle change of a process, activity, task or job.
 * Published in-process (inside the engine's transaction) when recorded; other modules listen with
 * {@code @TransactionalEventListener} or Spring Modulith's {@code @ApplicationModuleListener}.
 *
 * @param id          position in the log; {@code null} until the row is written at commit
 * @param eventId     globally unique id (the CloudEvents id on Kafka)
 * @param caseId      process instance id
 * @param scope       what changed: process, activity, task or job
 * @param lifecycle   XES-style transition: start, schedule, assign, unassign, complete, cancel, fail,
 *                    send-back, withdraw, delegate, reassign
 * @param resource    user or bot that caused it, {@code null} for the engine itself
 * @param attributes  small extra facts (durations, error message, reason)
 */
public record PlatformEvent(Long id, String eventId, String caseId, String processKey, Integer processVersion,
                            String processDefinitionId, Scope scope, String activityId, String activityName,
                            String activityType, String taskId, String lifecycle, Instant occurredAt,
                            String resource, String role, String department, Map<String, String> attributes) {

    public enum Scope {
        PROCESS, ACTIVITY, TASK, JOB;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Scope of(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The lifecycle values the platform writes. Mining counts send-back and withdraw as rework. */
    public static final class Lifecycle {
        public static final String START = "start";
        public static final String SCHEDULE = "schedule";
        public static final String ASSIGN = "assign";
        public static final String UNASSIGN = "unassign";
        public static final String COMPLETE = "complete";
        public static final String CANCEL = "cancel";
        public static final String FAIL = "fail";
        public static final String SEND_BACK = "send-back";
        public static final String WITHDRAW = "withdraw";
        public static final String DELEGATE = "delegate";
        public static final String REASSIGN = "reassign";

        private Lifecycle() {
        }
    }

    public PlatformEvent {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
