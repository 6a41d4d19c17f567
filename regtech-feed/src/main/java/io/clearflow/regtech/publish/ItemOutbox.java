package io.clearflow.regtech.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.regtech.item.Item;
import io.clearflow.regtech.item.ItemRepository;
import io.clearflow.regtech.item.ItemsReclassified;
import io.clearflow.regtech.poll.ItemStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes item events into the outbox inside the transaction that stored or reclassified the items
 * (the events are published there, and a plain listener runs in it): a rolled-back poll writes no
 * event, a committed one never loses its event. The payload is the item as it was then.
 */
@Component
@Profile("kafka")
class ItemOutbox {

    static final String CREATED = "created";
    static final String RECLASSIFIED = "reclassified";

    private final OutboxRepository outbox;
    private final ItemRepository items;
    private final ObjectMapper json;
    private final Clock clock;

    ItemOutbox(OutboxRepository outbox, ItemRepository items, ObjectMapper json, Clock clock) {
        this.outbox = outbox;
        this.items = items;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void added(ItemStore.ItemsAdded event) {
        write(event.itemIds(), CREATED);
    }

    @EventListener
    void reclassified(ItemsReclassified event) {
        write(event.itemIds(), RECLASSIFIED);
    }

    private void write(List<Long> ids, String type) {
        Instant now = clock.instant();
        for (Long id : ids) {
            items.find(id).ifPresent(item -> outbox.insert(item.id(), type, data(item), now));
        }
    }

    private String data(Item i) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", i.id());
        data.put("title", i.title());
        data.put("link", i.link());
        data.put("publishedAt", i.publishedAt() == null ? null : i.publishedAt().toString());
        data.put("jurisdiction", i.jurisdiction());
        data.put("organisation", i.organisation());
        data.put("topics", i.topics());
        data.put("departments", i.departments());
        data.put("status", i.status());
        data.put("newsLike", i.newsLike());
        data.put("expiresAt", i.expiresAt() == null ? null : i.expiresAt().toString());
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("item " + i.id() + " not serialisable", e);
        }
    }
}
