package io.clearflow.regtech.subscribe;

import java.time.Instant;
import java.util.List;

/** New items that matched a subscriber's subscriptions in one poll round; read once by the user or a department member. */
public record Notice(long id, String subscriberType, String subscriber, List<Long> itemIds, Instant createdAt, String readBy,
                     Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
