package io.clearflow.regtech.subscribe;

import io.clearflow.regtech.item.Item;
import java.time.Instant;

/**
 * A subscription of a user or a department to a topic, a jurisdiction or an organisation.
 *
 * @param subscriberType {@code user} or {@code department}
 * @param kind           {@code topic}, {@code jurisdiction} or {@code organisation}
 * @param term           the topic id, jurisdiction code or organisation code
 */
public record Subscription(long id, String subscriberType, String subscriber, String kind, String term, String createdBy,
                           Instant createdAt) {

    public static final String USER = "user";
    public static final String DEPARTMENT = "department";

    public boolean matches(Item item) {
        return switch (kind) {
            case "topic" -> item.topics().contains(term);
            case "jurisdiction" -> term.equalsIgnoreCase(item.jurisdiction());
            case "organisation" -> term.equalsIgnoreCase(item.organisation());
            default -> false;
        };
    }
}
