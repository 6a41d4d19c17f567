package io.clearflow.bots.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** A bot outcome as the JSON text the idempotency record keeps. */
final class OutcomeCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutcomeCodec() {
    }

    static String encode(BotOutcome outcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", outcome.kind().name());
        map.put("variables", outcome.variables());
        map.put("errorCode", outcome.errorCode());
        map.put("note", outcome.note());
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outcome cannot be recorded: " + e.getMessage(), e);
        }
    }

    static BotOutcome decode(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            Map<String, Object> variables = new LinkedHashMap<>();
            node.path("variables").fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                variables.put(e.getKey(), v.isBoolean() ? (Object) v.booleanValue()
                        : v.isInt() ? (Object) v.intValue() : v.isIntegralNumber() ? (Object) v.longValue()
                        : v.isNumber() ? (Object) v.doubleValue() : v.asText());
            });
            return new BotOutcome(BotOutcome.Kind.valueOf(node.path("kind").asText()), variables,
                    node.path("errorCode").isTextual() ? node.path("errorCode").asText() : null,
                    node.path("note").isTextual() ? node.path("note").asText() : null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable idempotency record: " + e.getMessage(), e);
        }
    }
}
