package io.clearflow.engine.governance.catalog;

import java.time.Instant;

/** A form definition attached to an activity (start event or user task) of a scenario's process. */
public record StoredForm(String scenarioId, String activityId, FormDefinition definition, String updatedBy,
                         Instant updatedAt) {
}
