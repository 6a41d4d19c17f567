package io.clearflow.bots.runtime;

import java.time.Instant;

/**
 * One job (or, for a {@link SourceBot}, one item of its source) a run worked on.
 *
 * @param jobId    the engine job's id, or the source item's id (a content hash)
 * @param itemName the source item's name (a file name); null for a job
 * @param outcome  {@code done}, {@code handed} (to a person), {@code bpmn-error}, {@code duplicate} (a source item
 *                 already handled: counted as done) or {@code failed}
 * @param replayed the outcome came from the store: the job was re-delivered after a crash
 */
public record RunItem(long id, long runId, String bot, String jobId, String caseId, String activityId, String itemName,
                      String outcome,
                      boolean replayed, Instant startedAt, long handlingMs, String note) {
}
