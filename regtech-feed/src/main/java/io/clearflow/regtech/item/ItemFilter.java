package io.clearflow.regtech.item;

import io.clearflow.engine.api.InvalidRequestException;
import java.time.LocalDate;
import java.util.Map;

/**
 * Tracker filters: source, period (published from/to, inclusive days), jurisdiction, organisation,
 * topic, status and a search text (Chinese or English, in titles and summaries). Archived items are
 * left out unless asked for by status.
 */
public record ItemFilter(Long source, LocalDate from, LocalDate to, String jurisdiction, String organisation, String topic,
                         String status, String q, int page, int size) {

    public static final int MAX_SIZE = 500;

    public ItemFilter {
        if (page < 0) {
            throw new InvalidRequestException("bad page", Map.of("page", "0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidRequestException("bad size", Map.of("size", "between 1 and " + MAX_SIZE));
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequestException("bad period", Map.of("from", "not after 'to'"));
        }
        if (status != null && !status.isBlank() && !Item.STATUSES.contains(status)) {
            throw new InvalidRequestException("bad status", Map.of("status", "one of " + Item.STATUSES));
        }
        if (q != null && q.length() > 200) {
            throw new InvalidRequestException("search text too long", Map.of("q", "at most 200 characters"));
        }
        jurisdiction = blank(jurisdiction);
        organisation = blank(organisation);
        topic = blank(topic);
        status = blank(status);
        q = blank(q);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public static ItemFilter all(int size) {
        return new ItemFilter(null, null, null, null, null, null, null, null, 0, size);
    }
}
