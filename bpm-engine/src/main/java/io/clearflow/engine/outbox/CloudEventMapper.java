package io.clearflow.engine.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.api.PlatformEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An event-log row as a CloudEvents 1.0 JSON envelope (structured mode). {@code type} is
 * {@code io.clearflow.<scope>.<lifecycle>}, {@code subject} the case id, {@code id} the event id
 * (consumers deduplicate on it: delivery is at least once) and the extension {@code sequence} the
 * position in the platform log, zero-padded: the CloudEvents sequence extension is a String that
 * consumers compare as text, so "10" must not sort before "9".
 */
@Component
class CloudEventMapper {

    static final String SOURCE = "/clearflow/engine/event-log";

    private final ObjectMapper json;

    CloudEventMapper(ObjectMapper json) {
        this.json = json;
    }

    /** 19 digits hold every positive long. */
    static String sequence(long position) {
        return String.format("%019d", position);
    }

    String toJson(PlatformEvent e) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", e.eventId());
        envelope.put("source", SOURCE);
        envelope.put("type", "io.clearflow." + e.scope().value() + "." + e.lifecycle());
        if (e.caseId() != null) {
            envelope.put("subject", e.caseId());
        }
        envelope.put("time", e.occurredAt().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("sequence", sequence(e.id()));
        envelope.put("data", e);
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("event " + e.eventId() + " not serialisable", ex);
        }
    }
}
