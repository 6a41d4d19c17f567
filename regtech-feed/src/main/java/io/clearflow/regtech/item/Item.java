package io.clearflow.regtech.item;

import java.time.Instant;
import java.util.List;

/**
 * An announcement in the tracker (one per announcement, however many sources carried it).
 *
 * @param status {@code new}, {@code assessing}, {@code not-relevant}, {@code demand}, {@code scenario},
 *               {@code no-action} or {@code archived}
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
public record Item(long id, String title, String link, String summary, Instant publishedAt, Instant firstSeenAt,
                   Long sourceId, String jurisdiction, String organisation, List<String> topics, List<String> departments,
                   boolean newsLike, Instant expiresAt, String status, Long assessmentId) {

    public static final List<String> STATUSES = List.of("new", "assessing", "not-relevant", "demand", "scenario", "no-action", "archived");

    /** Whether the link may be shown as a link. */
    public boolean linkValid() {
        return link != null && (link.startsWith("http://") || link.startsWith("https://"));
    }
}
