package io.clearflow.mining.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.mining.log.Timestamps;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes events of other systems from a Kafka topic into named mining logs. Each record is a
 * CloudEvents 1.0 event in either mode of the CloudEvents Kafka protocol binding: structured (the
 * record value is the JSON event; header {@code content-type: application/cloudevents+json} or no
 * {@code ce_specversion} header) or binary (attributes in {@code ce_*} headers, {@code ce_specversion},
 * {@code ce_id}, {@code ce_source}, {@code ce_type} required; the value is the data, JSON by its
 * {@code content-type} header). The data has {@code case}, {@code activity},
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
            String contentType = header(record.headers(), "content-type");
            boolean structured = (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/cloudevents"))
                    || header(record.headers(), "ce_specversion") == null;
            if (structured) {
                ingest(record.value());
            } else {
                ingestBinary(record.headers(), record.value());
            }
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
        append(text(event, "logname"), text(event, "source"), event.get("time"), data);
    }

    /**
     * Binary mode (CloudEvents Kafka binding 3.2): the context attributes are headers named {@code ce_<attribute>}
     * (UTF-8 values), {@code content-type} is the data's content type and the record value is the data itself.
     */
    void ingestBinary(Headers headers, String value) {
        String specVersion = header(headers, "ce_specversion");
        if (!"1.0".equals(specVersion)) {
            throw new IllegalArgumentException("binary CloudEvent with unsupported ce_specversion '" + specVersion + "'");
        }
        for (String required : new String[] {"ce_id", "ce_source", "ce_type"}) {
            String attribute = header(headers, required);
            if (attribute == null || attribute.isBlank()) {
                throw new IllegalArgumentException("binary CloudEvent without " + required + " header");
            }
        }
        String contentType = header(headers, "content-type");
        if (contentType != null && !isJson(contentType)) {
            throw new IllegalArgumentException("binary CloudEvent data is " + contentType + ", not JSON");
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("binary CloudEvent without data");
        }
        JsonNode data;
        try {
            data = json.readTree(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("data is not JSON: " + e.getOriginalMessage());
        }
        if (!data.isObject()) {
            throw new IllegalArgumentException("binary CloudEvent data is not a JSON object");
        }
        String time = header(headers, "ce_time");
        append(header(headers, "ce_logname"), header(headers, "ce_source"),
                time == null ? null : json.getNodeFactory().textNode(time), data);
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.endsWith("+json") || mediaType.equals("text/json");
    }

    /** The last header of that name as UTF-8 text, or null. */
    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Both modes end here: the log name from the extension or the source, the event from the data. */
    private void append(String logNameExtension, String source, JsonNode eventTime, JsonNode data) {
        String logName = IngestedLogs.logName(logNameExtension != null ? logNameExtension : source);
        if (logName.isEmpty()) {
            throw new IllegalArgumentException("no log name (extension logname or source)");
        }
        String caseId = require(data, "case");
        String activity = require(data, "activity");
        JsonNode time = data.hasNonNull("timestamp") ? data.get("timestamp") : eventTime;
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
