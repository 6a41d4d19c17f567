package io.clearflow.mining.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.mining.log.Timestamps;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes events of other systems from a Kafka topic into named mining logs. Each record is a
 * CloudEvents 1.0 JSON event (structured mode) whose {@code data} has {@code case}, {@code activity},
 * {@code timestamp} (ISO-8601 or epoch ms; default the event's {@code time}) and optionally
 * {@code resource}, {@code group}, {@code lifecycle}. The log is named by the extension attribute
 * {@code logname}, else by {@code source}. A bad record is counted
 * ({@code clearflow.mining.ingest.rejected}), logged and skipped: it never blocks the partition.
 */
@Component
@Profile("kafka")
class CloudEventIngestListener {

    private static final Logger LOG = LoggerFactory.getLogger(CloudEventIngestListener.class);

    private final IngestedLogs logs;
    private final ObjectMapper json;
    private final Counter accepted;
    private final Counter rejected;

    CloudEventIngestListener(IngestedLogs logs, ObjectMapper json, MeterRegistry meters) {
        this.logs = logs;
        this.json = json;
        this.accepted = meters.counter("clearflow.mining.ingest.accepted");
        this.rejected = meters.counter("clearflow.mining.ingest.rejected");
    }

    @KafkaListener(id = "clearflow-mining-ingest", topics = "${clearflow.mining.ingest.topic:clearflow.mining.ingest}",
            groupId = "clearflow-mining-ingest", properties = {
                    "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                    "value.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                    "auto.offset.reset=earliest"})
    void onEvent(ConsumerRecord<String, String> record) {
        try {
            ingest(record.value());
            accepted.increment();
        } catch (RuntimeException e) {
            rejected.increment();
            LOG.warn("skipped mining event at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    void ingest(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("empty record");
        }
        JsonNode event;
        try {
            event = json.readTree(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (!event.isObject() || !event.hasNonNull("specversion")) {
            throw new IllegalArgumentException("not a CloudEvent (no specversion)");
        }
        JsonNode data = event.get("data");
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("CloudEvent without a JSON object in data");
        }
        String logName = IngestedLogs.logName(text(event, "logname") != null ? text(event, "logname") : text(event, "source"));
        if (logName.isEmpty()) {
            throw new IllegalArgumentException("no log name (extension logname or source)");
        }
        String caseId = require(data, "case");
        String activity = require(data, "activity");
        JsonNode time = data.hasNonNull("timestamp") ? data.get("timestamp") : event.get("time");
        if (time == null || time.isNull()) {
            throw new IllegalArgumentException("no timestamp in data and no time attribute");
        }
        long timestamp = time.isNumber() ? time.asLong() : Timestamps.parse(time.asText());
        logs.append(logName, caseId, activity, timestamp, text(data, "resource"), text(data, "group"),
                text(data, "lifecycle"));
    }

    private static String require(JsonNode data, String field) {
        String value = text(data, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("data." + field + " is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
