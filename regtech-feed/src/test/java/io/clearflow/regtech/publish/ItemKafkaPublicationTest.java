package io.clearflow.regtech.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.regtech.RegtechTestApplication;
import io.clearflow.regtech.fetch.LoopbackServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With the kafka profile, new and reclassified items reach {@code clearflow.regtech.items} as
 * CloudEvents through the outbox (reclassified after an administrator edits the dictionary), against a real in-process KRaft broker that is not there at first:
 * the events wait in the outbox (publishing fails, nothing is marked sent), and once the broker is up
 * every one arrives, each item's events in the order they happened.
 */
@SpringBootTest(classes = RegtechTestApplication.class, properties = {
        // the test drives the relays itself; the engine's event-log relay is not under test here
        "clearflow.regtech.kafka.interval=1h",
        "clearflow.regtech.kafka.send-timeout=5s",
        "clearflow.outbox.kafka.enabled=false",
        "spring.kafka.producer.properties.max.block.ms=1000",
        "logging.level.org.apache.kafka.clients.NetworkClient=error"})
@AutoConfigureMockMvc
@ActiveProfiles({"test", "kafka"})
@DirtiesContext // its producer would otherwise keep dialling the stopped broker
class ItemKafkaPublicationTest {

    static final String TOPIC = "clearflow.regtech.items";
    static final int PORT = freePort();
    static final LoopbackServer server = new LoopbackServer();

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired ItemRelay relay;

    @DynamicPropertySource
    static void brokerNotThereYet(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + PORT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static byte[] rss(String... titles) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<link>https://example.org/</link><description>d</description>");
        for (int i = 0; i < titles.length; i++) {
            b.append("<item><title>").append(titles[i]).append("</title><link>https://example.org/k/").append(i)
                    .append("</link><pubDate>Mon, 01 Jul 2024 0").append(i + 1).append(":00:00 GMT</pubDate></item>");
        }
        return b.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    long unsent() {
        return jdbc.queryForObject("select count(*) from cf_reg_outbox where sent_at is null", Long.class);
    }

    @Test
    void newAndReclassifiedItemsArriveInOrderAfterTheBrokerWasDown() throws Exception {
        List<String> titles = List.of("SEC charges adviser over cybersecurity failures", "SEC adopts rule on stablecoin disclosures",
                "SEC roundtable on artificial intelligence", "SEC staff statement on market infrastructure");
        server.serve("/sec.rss", rss(titles.toArray(String[]::new)), "application/rss+xml", "\"k-1\"");
        long source = json.readTree(mvc.perform(post("/api/regtech/sources").with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"SEC k\",\"url\":\"" + server.url("/sec.rss")
                        + "\",\"kind\":\"feed\",\"jurisdiction\":\"US\",\"organisation\":\"SECK\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
        mvc.perform(post("/api/regtech/sources/" + source + "/poll").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$.added").value(4));
        List<Long> ids = jdbc.queryForList("select item_id from cf_reg_outbox order by id", Long.class);
        assertThat(ids).hasSize(4);
        // the administrator narrows two topics and reclassifies the source's items: two of them change
        mvc.perform(put("/api/regtech/dictionary/cyber").with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"keywords\":[\"cyber-resilience act\"],\"departments\":[\"dept-it\"]}")).andExpect(status().isOk());
        mvc.perform(put("/api/regtech/dictionary/ai").with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"keywords\":[\"人工智能\"]}")).andExpect(status().isOk());
        String job = json.readTree(mvc.perform(post("/api/regtech/reclassify").with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"organisation\":\"SECK\"}")).andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString()).get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(mvc.perform(get("/api/regtech/reclassify/" + job)
                .with(httpBasic("admin", "demo"))).andReturn().getResponse().getContentAsString()).get("state").asText().equals("done"));
        mvc.perform(get("/api/regtech/reclassify/" + job).with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$.total").value(4)).andExpect(jsonPath("$.done").value(4)).andExpect(jsonPath("$.changed").value(2));
        assertThat(jdbc.queryForList("select item_id from cf_reg_outbox where event_type = 'reclassified' order by item_id", Long.class))
                .containsExactly(ids.get(0), ids.get(2));
        assertThat(unsent()).isEqualTo(6);

        long start = System.nanoTime();
        assertThat(relay.relayOnce()).as("acknowledged without a broker").isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        assertThat(unsent()).as("a failed publication keeps every event").isEqualTo(6);

        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, TOPIC);
        // the KRaft broker of spring-kafka-test 3.3 ignores kafkaPorts(..); its listener setting is honoured
        broker.brokerProperty("listeners", "EXTERNAL://localhost:" + PORT + ",CONTROLLER://localhost:0");
        broker.brokerProperty("auto.create.topics.enable", "false");
        broker.afterPropertiesSet();
        try {
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> {
                relay.relayOnce();
                return unsent() == 0;
            });
            List<JsonNode> received = readToEnd(broker.getBrokersAsString(), 6);
            // at least once: a round that timed out may have sent an event twice; consumers drop repeats by id
            Map<String, JsonNode> byId = new LinkedHashMap<>();
            received.forEach(e -> byId.putIfAbsent(e.get("id").asText(), e));
            assertThat(byId).hasSize(6);
            Map<String, List<String>> typesPerItem = new HashMap<>();
            for (JsonNode e : byId.values()) {
                assertThat(e.get("specversion").asText()).isEqualTo("1.0");
                assertThat(e.get("source").asText()).isEqualTo(ItemRelay.SOURCE);
                assertThat(e.get("data").get("id").asText()).isEqualTo(e.get("subject").asText());
                typesPerItem.computeIfAbsent(e.get("subject").asText(), k -> new ArrayList<>()).add(e.get("type").asText());
            }
            for (Long id : ids) {
                List<String> expected = id.equals(ids.get(0)) || id.equals(ids.get(2))
                        ? List.of("io.clearflow.regtech.item.created", "io.clearflow.regtech.item.reclassified")
                        : List.of("io.clearflow.regtech.item.created");
                assertThat(typesPerItem.get(String.valueOf(id))).as("item %s, in order", id).isEqualTo(expected);
            }
            JsonNode first = byId.values().stream().filter(e -> e.get("subject").asText().equals(String.valueOf(ids.get(1))))
                    .findFirst().orElseThrow();
            assertThat(first.get("data").get("title").asText()).isEqualTo(titles.get(1));
            assertThat(first.get("data").get("topics").toString()).contains("crypto");
            assertThat(relay.relayOnce()).as("nothing is sent twice once acknowledged").isZero();
        } finally {
            broker.destroy();
        }
    }

    /** Every partition from the beginning to its end, in arrival order per partition. */
    static List<JsonNode> readToEnd(String servers, int atLeast) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode e = mapper.readTree(r.value());
                    assertThat(r.key()).isEqualTo(e.get("subject").asText());
                    out.add(e);
                }
                return out.size() >= atLeast && end.entrySet().stream().allMatch(x -> consumer.position(x.getKey()) >= x.getValue());
            });
        }
        return out;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
