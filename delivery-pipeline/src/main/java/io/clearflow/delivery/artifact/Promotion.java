package io.clearflow.delivery.artifact;

import java.time.Instant;

/** A row of {@code del_promotion}: one step forward, by whom, allowed by which gate evaluation. */
public record Promotion(long id, long artifactId, String fromStage, String toStage, String promotedBy,
                        Instant promotedAt, String gateReference) {
}
