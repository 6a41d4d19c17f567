package io.clearflow.mining.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.mining.MiningTestApplication;
import io.clearflow.mining.log.EventLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** CloudEvents from a real (in-process KRaft) broker become a named mining log; bad records are skipped. */
@SpringBootTest(classes = MiningTestApplication.class, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "clearflow.mining.ingest.topic=mining-test-ingest",
        "clearflow.data-dir=target/data-kafka-${random.uuid}"})
@AutoConfigureMockMvc
@ActiveProfiles({"test", "kafka"})
@EmbeddedKafka(kraft = true, partitions = 1, topics = "mining-test-ingest")
class KafkaIngestTest {

    @Autowired IngestedLogs logs;
    @Autowired MeterRegistry meters;
    @Autowired MockMvc mvc;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;

    private static String event(String source, String extension, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + java.util.UUID.randomUUID() + "\",\"type\":\"io.clearflow.mining.event\","
                + "\"source\":\"" + source + "\"" + (extension == null ? "" : ",\"logname\":\"" + extension + "\"")
                + ",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
    }

    @Test
    void eventsBecomeANamedLogAndBadRecordsAreSkippedWithoutBlocking() throws Exception {
        double rejectedBefore = meters.counter("clearflow.mining.ingest.rejected").count();
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", brokers),
                new StringSerializer(), new StringSerializer())) {
            String topic = "mining-test-ingest";
            producer.send(new ProducerRecord<>(topic, "c1", event("legacy-bpm", "settlement",
                    "{\"case\":\"c1\",\"activity\":\"submit\",\"timestamp\":\"2026-01-05T09:00:00+08:00\",\"resource\":\"alice\",\"group\":\"ops\"}")));
            // bad records tried: not JSON, JSON but no CloudEvent, no activity, unparsable timestamp, empty value
            producer.send(new ProducerRecord<>(topic, "x", "this is not json"));
            producer.send(new ProducerRecord<>(topic, "x", "{\"hello\":1}"));
            producer.send(new ProducerRecord<>(topic, "x", event("legacy-bpm", "settlement", "{\"case\":\"c9\"}")));
            producer.send(new ProducerRecord<>(topic, "x", event("legacy-bpm", "settlement",
                    "{\"case\":\"c9\",\"activity\":\"a\",\"timestamp\":\"2026-02-30T10:00:00Z\"}")));
            producer.send(new ProducerRecord<>(topic, "x", ""));
            producer.send(new ProducerRecord<>(topic, "c1", event("legacy-bpm", "settlement",
                    "{\"case\":\"c1\",\"activity\":\"review\",\"timestamp\":1767578400000,\"lifecycle\":\"complete\"}")));
            producer.send(new ProducerRecord<>(topic, "c2", event("urn:legacy:crm", null,
                    "{\"case\":\"c2\",\"activity\":\"open, account\",\"timestamp\":\"2026-01-06T10:00:00Z\"}")));
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(logs.names()).contains("settlement", "urn_legacy_crm");
            assertThat(logs.get("settlement").eventCount()).isEqualTo(2);
        });
        EventLog settlement = logs.get("settlement");
        assertThat(settlement.caseCount()).isEqualTo(1);
        assertThat(settlement.activityName(settlement.activity(0))).isEqualTo("submit");
        assertThat(settlement.timestamp(0)).isEqualTo(java.time.Instant.parse("2026-01-05T01:00:00Z").toEpochMilli());
        assertThat(settlement.activityName(settlement.activity(1))).isEqualTo("review");
        assertThat(settlement.resourceName(settlement.resource(0))).isEqualTo("alice");
        assertThat(meters.counter("clearflow.mining.ingest.rejected").count() - rejectedBefore).isEqualTo(5);
        assertThat(logs.get("urn_legacy_crm").activityName(0)).isEqualTo("open, account");

        mvc.perform(get("/api/mining/logs/ingest-settlement/summary").with(httpBasic("sunqi", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cases").value(1))
                .andExpect(jsonPath("$.events").value(2));
        mvc.perform(get("/api/mining/logs").with(httpBasic("sunqi", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'ingest-settlement')].kind").value("ingested"))
                .andExpect(jsonPath("$[0].id").value("platform"));
    }

    /** A binary-mode record (CloudEvents Kafka binding): attributes in ce_* headers, the data is the value. */
    private static ProducerRecord<String, String> binary(String key, String data, String... headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>("mining-test-ingest", key, data);
        for (int i = 0; i < headers.length; i += 2) {
            record.headers().add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Test
    void binaryModeEventsAreReadFromHeadersAndBadOnesAreCountedAndSkipped() throws Exception {
        double rejectedBefore = meters.counter("clearflow.mining.ingest.rejected").count();
        String data = "{\"case\":\"b1\",\"activity\":\"book\",\"resource\":\"zhou\"}";
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", brokers),
                new StringSerializer(), new StringSerializer())) {
            // bad records tried: no ce_id, unsupported ce_specversion, no ce_source, data not JSON by its
            // content-type, data not JSON at all, no data
            producer.send(binary("x", data, "ce_specversion", "1.0", "ce_type", "t", "ce_source", "clearing-core"));
            producer.send(binary("x", data, "ce_specversion", "0.3", "ce_id", "1", "ce_type", "t", "ce_source", "clearing-core"));
            producer.send(binary("x", data, "ce_specversion", "1.0", "ce_id", "2", "ce_type", "t"));
            producer.send(binary("x", "book", "ce_specversion", "1.0", "ce_id", "3", "ce_type", "t",
                    "ce_source", "clearing-core", "content-type", "text/plain"));
            producer.send(binary("x", "{not json", "ce_specversion", "1.0", "ce_id", "4", "ce_type", "t",
                    "ce_source", "clearing-core", "content-type", "application/json"));
            producer.send(binary("x", null, "ce_specversion", "1.0", "ce_id", "5", "ce_type", "t",
                    "ce_source", "clearing-core"));
            // good: the time comes from ce_time, the log name from ce_source (no ce_logname extension)
            producer.send(binary("b1", data, "ce_specversion", "1.0", "ce_id", "6", "ce_type", "io.clearflow.mining.event",
                    "ce_source", "clearing-core", "ce_time", "2026-03-02T08:00:00+08:00",
                    "content-type", "application/json; charset=utf-8"));
            // good: extension ce_logname names the log; the data's own timestamp wins over ce_time
            producer.send(binary("b1", "{\"case\":\"b1\",\"activity\":\"settle\",\"timestamp\":\"2026-03-03T00:00:00Z\"}",
                    "ce_specversion", "1.0", "ce_id", "7", "ce_type", "t", "ce_source", "clearing-core",
                    "ce_logname", "clearing", "ce_time", "2026-03-02T00:00:00Z"));
            // a structured record that says so in its content-type still works next to binary ones
            ProducerRecord<String, String> structured = new ProducerRecord<>("mining-test-ingest", "b1",
                    event("clearing-core", "clearing", "{\"case\":\"b1\",\"activity\":\"confirm\",\"timestamp\":\"2026-03-04T00:00:00Z\"}"));
            structured.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
            structured.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            producer.send(structured);
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(logs.names()).contains("clearing-core", "clearing");
            assertThat(logs.get("clearing").eventCount()).isEqualTo(2);
        });
        EventLog core = logs.get("clearing-core");
        assertThat(core.eventCount()).isEqualTo(1);
        assertThat(core.activityName(core.activity(0))).isEqualTo("book");
        assertThat(core.resourceName(core.resource(0))).isEqualTo("zhou");
        assertThat(core.timestamp(0)).isEqualTo(java.time.Instant.parse("2026-03-02T00:00:00Z").toEpochMilli());
        EventLog clearing = logs.get("clearing");
        assertThat(clearing.activityName(clearing.activity(0))).isEqualTo("settle");
        assertThat(clearing.timestamp(0)).isEqualTo(java.time.Instant.parse("2026-03-03T00:00:00Z").toEpochMilli());
        assertThat(clearing.activityName(clearing.activity(1))).isEqualTo("confirm");
        assertThat(meters.counter("clearflow.mining.ingest.rejected").count() - rejectedBefore).isEqualTo(6);
    }

    @Test
    void logNamesAreMadeSafeForFiles() {
        assertThat(IngestedLogs.logName("https://legacy.example/bpm")).isEqualTo("legacy.example_bpm");
        assertThat(IngestedLogs.logName("../../etc/passwd")).isEqualTo("etc_passwd");
        assertThat(IngestedLogs.logName("")).isEmpty();
    }
}
