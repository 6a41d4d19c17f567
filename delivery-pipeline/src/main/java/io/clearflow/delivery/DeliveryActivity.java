package io.clearflow.delivery;

import java.time.Instant;

/**
 * Something happened in delivery (a version created, an artifact uploaded or promoted, a deployment
 * started or finished, a submission or change moved on). Published in-process inside the transaction that
 * stored it, after the timeline entry and the event-log row are written.
 *
 * @param kind   a message-bundle key suffix, e.g. {@code artifact.promoted}
 * @param link   page path of what it is about, may be null
 */
public record DeliveryActivity(long versionId, String system, String version, String kind, String actor,
                               Instant occurredAt, String detail, String link) {
}
