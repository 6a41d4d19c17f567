package io.clearflow.delivery.version;

import java.time.Instant;

/**
 * One entry of a version's timeline; {@code actorName} is the display name when the actor is known,
 * {@code origin} where the action came from (null on entries recorded before origins were).
 */
public record TimelineEntry(long id, long versionId, Instant occurredAt, String actor, String actorName, String kind,
                            String detail, String link, ActionOrigin origin) {
}
