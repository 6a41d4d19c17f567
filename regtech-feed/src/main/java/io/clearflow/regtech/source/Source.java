package io.clearflow.regtech.source;

import java.time.Instant;

/**
 * A regulator's publication channel and its polling health.
 *
 * @param kind          {@code feed} (RSS/Atom), {@code html} (list page read with selectors) or {@code json}
 * @param zone          zone in which dates without a zone are read
 * @param encoding      encoding to use instead of what the document declares, or null
 * @param itemSelector  html: CSS selector of one entry; json: JSON pointer of the entry array
 * @param titleSelector html: CSS selector (within the entry) of the title; json: field name
 * @param linkSelector  html: CSS selector of the link element; json: field name
 * @param dateSelector  html: CSS selector of the date text; json: field name
 * @param datePattern   pattern of the date text, e.g. {@code yyyy-MM-dd}; common forms are tried without it
 * @param newsLike      announcements of this source are news (they expire under the retention rule)
 * @param lastErrorKey  bundle key of the last error ({@code regtech.poll.error.*}), null when unknown; {@code lastError} is its English text
 * @param lastErrorArgs arguments of that message
 */
public record Source(long id, String code, String name, String url, String kind, String jurisdiction, String organisation,
                     String zone, String encoding, String itemSelector, String titleSelector, String linkSelector,
                     String dateSelector, String datePattern, boolean newsLike, boolean enabled, int pollMinutes,
                     String etag, String lastModified, Instant lastPolledAt, Instant lastSuccessAt, String lastError,
                     Instant lastErrorAt, int consecutiveFailures, Integer lastItems, Integer lastAdded, String lastErrorKey,
                     java.util.List<String> lastErrorArgs) {

    public boolean healthy() {
        return consecutiveFailures == 0;
    }

    /** Whether the schedule says this source is due at {@code now}. */
    public boolean due(Instant now) {
        return enabled && (lastPolledAt == null || !lastPolledAt.plusSeconds(60L * pollMinutes).isAfter(now));
    }
}
