package io.clearflow.bots.runtime;

import java.time.Instant;

/**
 * One job a run worked on.
 *
 * @param outcome  {@code done}, {@code handed} (to a person), {@code bpmn-error} or {@code failed}
 * @param replayed the outcome came from the store: the job was re-delivered after a crash
 */
public record RunItem(long id, long runId, String bot, String jobId, String caseId, String activityId, String outcome,
                      boolean replayed, Instant startedAt, long handlingMs, String note) {
}
