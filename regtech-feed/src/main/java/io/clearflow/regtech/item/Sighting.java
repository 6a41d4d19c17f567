package io.clearflow.regtech.item;

import java.time.Instant;

/** Where an announcement was seen: the source, its GUID and link there. */
public record Sighting(long sourceId, String sourceName, String guid, String link, String title, Instant seenAt) {

    public boolean linkValid() {
        return link != null && (link.startsWith("http://") || link.startsWith("https://"));
    }
}
