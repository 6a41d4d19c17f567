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
            throw new InvalidRequestException("regtech.error.filter", Map.of("page", "regtech.error.page"));
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidRequestException("regtech.error.filter", Map.of("size", "regtech.error.size"));
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequestException("regtech.error.filter", Map.of("from", "regtech.error.period"));
        }
        if (status != null && !status.isBlank() && !Item.STATUSES.contains(status)) {
            throw new InvalidRequestException("regtech.error.filter", Map.of("status", "regtech.error.status"));
        }
        if (q != null && q.length() > 200) {
            throw new InvalidRequestException("regtech.error.filter", Map.of("q", "regtech.error.q"));
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
