package io.clearflow.engine.governance.catalog;

import java.time.Instant;
import java.util.List;

/**
 * An improvement action of a scenario (step 5), linked to the feedback that prompted it and to a
 * metric (free text, e.g. "p90 handling time of 复核, process-mining dashboard").
 * {@code status}: open, in-progress, done, dropped.
 */
public record Improvement(long id, String scenarioId, String title, String description, String metricRef,
                          String status, List<Long> feedbackIds, String createdBy, Instant createdAt, Instant updatedAt) {

    public Improvement {
        feedbackIds = List.copyOf(feedbackIds);
    }
}
