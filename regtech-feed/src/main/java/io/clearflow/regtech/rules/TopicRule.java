package io.clearflow.regtech.rules;

import java.time.Instant;
import java.util.List;

/** The keywords (Chinese and English) and departments of one topic; {@code updatedBy} is null while the configured rule applies. */
public record TopicRule(String topic, List<String> keywords, List<String> departments, String updatedBy, Instant updatedAt) {

    public boolean edited() {
        return updatedBy != null;
    }
}
