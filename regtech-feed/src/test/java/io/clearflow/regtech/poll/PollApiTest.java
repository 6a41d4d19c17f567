package io.clearflow.regtech.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.regtech.RegtechTestApplication;
import io.clearflow.regtech.fetch.LoopbackServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Polling over REST against feeds served on loopback: counts, conditional GET, dedupe and
 * clustering, refused documents (status error, nothing stored, nothing local echoed, no 5xx),
 * health and metrics, and a failing source that does not stop a round.
 */
@SpringBootTest(classes = RegtechTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PollApiTest {

    static final LoopbackServer server = new LoopbackServer();

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired MeterRegistry registry;
    @Autowired PollScheduler scheduler;

    @AfterAll
    static void stop() {
        server.close();
    }

    static byte[] corpus(String path) {
        try (InputStream in = PollApiTest.class.getResourceAsStream("/feeds/" + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    long source(String name, String path, String kind, String extra) throws Exception {
        String body = "{\"name\":\"" + name + "\",\"url\":\"" + server.url(path) + "\",\"kind\":\"" + kind + "\"" + extra + "}";
        String r = mvc.perform(post("/api/regtech/sources").with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(r).get("id").asLong();
    }

    JsonNode poll(String user, long id) throws Exception {
        return json.readTree(mvc.perform(post("/api/regtech/sources/" + id + "/poll").with(httpBasic(user, "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    int itemsOf(long source) {
        return jdbc.queryForObject("select count(distinct item_id) from cf_reg_sighting where source_id = ?", Integer.class, source);
    }

    @Test
    void pollsAddThenDeduplicateWithConditionalGet() throws Exception {
        server.serve("/sec.rss", corpus("tuning/sec-press.rss"), "application/rss+xml", "\"sec-1\"");
        long id = source("SEC", "/sec.rss", "feed", ",\"jurisdiction\":\"US\",\"organisation\":\"SEC\",\"zone\":\"America/New_York\"");
        JsonNode first = poll("admin", id);
        assertThat(first.get("status").asText()).isEqualTo("ok");
        assertThat(first.get("added").asInt()).isEqualTo(3);
        assertThat(first.get("duplicates").asInt()).isZero();
        int before = server.requests.get();
        long bytesBefore = server.bytesSent.get();
        JsonNode second = poll("hegui", id);
        assertThat(second.get("added").asInt()).isZero();
        assertThat(second.get("message").asText()).contains("not modified");
        assertThat(server.requests.get()).isEqualTo(before + 1);
        assertThat(server.bytesSent.get()).as("304: no body").isEqualTo(bytesBefore);
        assertThat(itemsOf(id)).isEqualTo(3);
        var row = jdbc.queryForMap("select jurisdiction, organisation, topics from cf_reg_item where title like 'SEC Charges%'");
        assertThat(row.get("jurisdiction")).isEqualTo("US");
        assertThat((String) row.get("topics")).contains(",aml,");
        var health = jdbc.queryForMap("select consecutive_failures, last_items, last_success_at from cf_reg_source where id = ?", id);
        assertThat(health.get("consecutive_failures")).isEqualTo(0);
        assertThat(health.get("last_success_at")).isNotNull();

        // without validators (a server ignoring them) the same document adds nothing: all duplicates
        server.serve("/sec-noetag.rss", corpus("tuning/sec-press.rss"), "application/rss+xml", null);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/regtech/sources/" + id)
                .with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"SEC\",\"url\":\"" + server.url("/sec-noetag.rss") + "\",\"kind\":\"feed\",\"zone\":\"America/New_York\"}"))
                .andExpect(status().isOk());
        JsonNode third = poll("admin", id);
        assertThat(third.get("added").asInt()).isZero();
        assertThat(third.get("duplicates").asInt()).isEqualTo(3);
    }

    @Test
    void feedburnerAndXmlBaseFeedsKeepDistinctAnnouncements() throws Exception {
        server.serve("/fb.rss", corpus("tuning/feedburner-same-guid.rss"), "text/xml", null);
        long fb = source("FB", "/fb.rss", "feed", "");
        JsonNode r = poll("admin", fb);
        assertThat(r.get("added").asInt()).isEqualTo(2);
        assertThat(r.get("duplicates").asInt()).isEqualTo(1);
        server.serve("/esma.atom", corpus("tuning/esma-news.atom"), "application/atom+xml", null);
        assertThat(poll("admin", source("ESMA", "/esma.atom", "feed", "")).get("added").asInt()).isEqualTo(3);
    }

    @Test
    void theSameAnnouncementOnTwoSourcesIsOneItemWithBothLinks() throws Exception {
        String a = """
                <rss version="2.0"><channel><title>a</title><link>http://a/</link><description>d</description>
                <item><title>HKMA announces wholesale CBDC Project Ensemble</title><link>https://a.example/1</link>
                <pubDate>Thu, 7 Mar 2024 16:30:00 +0800</pubDate></item></channel></rss>""";
        String b = """
                <rss version="2.0"><channel><title>b</title><link>http://b/</link><description>d</description>
                <item><title>HKMA Announces Wholesale CBDC "Project Ensemble"</title><link>https://b.example/9</link>
                <pubDate>Thu, 7 Mar 2024 09:00:00 +0000</pubDate></item></channel></rss>""";
        server.serve("/mirror-a.rss", a.getBytes(), "text/xml", null);
        server.serve("/mirror-b.rss", b.getBytes(), "text/xml", null);
        long sa = source("Mirror A", "/mirror-a.rss", "feed", ",\"zone\":\"Asia/Hong_Kong\"");
        long sb = source("Mirror B", "/mirror-b.rss", "feed", ",\"zone\":\"Asia/Hong_Kong\"");
        assertThat(poll("admin", sa).get("added").asInt()).isEqualTo(1);
        JsonNode rb = poll("admin", sb);
        assertThat(rb.get("added").asInt()).isZero();
        assertThat(rb.get("clustered").asInt()).isEqualTo(1);
        long item = jdbc.queryForObject("select item_id from cf_reg_sighting where source_id = ?", Long.class, sb);
        assertThat(jdbc.queryForList("select link from cf_reg_sighting where item_id = ? order by id", String.class, item))
                .containsExactly("https://a.example/1", "https://b.example/9");
    }

    @Test
    void refusedDocumentsGiveErrorsAddNothingAndEchoNothing() throws Exception {
        for (String hostile : new String[] {"hostile/xxe-file.rss", "hostile/billion-laughs.rss", "hostile/ill-formed.rss",
                "hostile/truncated.rss", "hostile/html-as-feed.html", "hostile/svg-root.xml", "hostile/empty.rss"}) {
            String path = "/" + hostile.replace('/', '-');
            server.serve(path, corpus(hostile), "application/xml", null);
            long id = source(hostile, path, "feed", "");
            String body = mvc.perform(post("/api/regtech/sources/" + id + "/poll").with(httpBasic("admin", "demo")))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("error"))
                    .andExpect(jsonPath("$.added").value(0)).andReturn().getResponse().getContentAsString();
            assertThat(body).as(hostile).doesNotContain("root:x:0").doesNotContain("/bin/");
            assertThat(itemsOf(id)).as(hostile + " stored nothing").isZero();
            var health = jdbc.queryForMap("select consecutive_failures, last_error from cf_reg_source where id = ?", id);
            assertThat(health.get("consecutive_failures")).isEqualTo(1);
            assertThat((String) health.get("last_error")).isNotBlank();
        }
        long illFormed = jdbc.queryForObject("select id from cf_reg_source where name = 'hostile/ill-formed.rss'", Long.class);
        assertThat(jdbc.queryForObject("select last_error from cf_reg_source where id = ?", String.class, illFormed))
                .contains("line 8").contains("column");
        // the sources page gives the reasons in the reader's language, the REST answer stays English
        String zh = mvc.perform(get("/regtech/sources").with(user("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("XML 格式错误（第 8 行").contains("拒绝文档类型声明").contains("不是 RSS 或 Atom 订阅源")
                .contains("文档为空").doesNotContain("??");
        String en = mvc.perform(get("/regtech/sources").param("lang", "en").with(user("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Ill-formed XML (line 8").contains("Document type declarations").contains("Empty document")
                .doesNotContain("XML 格式错误").doesNotContain("??");
        String test = mvc.perform(post("/regtech/sources/" + illFormed + "/test").with(user("admin")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(test).contains("XML 格式错误（第 8 行").doesNotContain("??");
    }

    @Test
    void theGuardStillAppliesToSourcesOnOtherLoopbackNames() throws Exception {
        // only 127.0.0.1 is allowed in the tests; "localhost" is refused by the SSRF guard
        long id = source("Local", "/x", "feed", "");
        jdbc.update("update cf_reg_source set url = ? where id = ?", "http://localhost:" + server.port() + "/x", id);
        JsonNode r = poll("admin", id);
        assertThat(r.get("status").asText()).isEqualTo("error");
        assertThat(r.get("message").asText()).contains("refused").contains("loopback");
    }

    @Test
    void onlyOperatorsPollAndUnknownSourcesAre404() throws Exception {
        mvc.perform(post("/api/regtech/sources/1/poll").with(httpBasic("zhangsan", "demo"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/regtech/sources/999999/poll").with(httpBasic("admin", "demo"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/regtech/sources/abc/poll").with(httpBasic("admin", "demo"))).andExpect(status().isBadRequest());
    }

    @Test
    void aFailingSourceDoesNotStopTheRoundAndShowsInMetrics() throws Exception {
        server.serve("/ok.rss", corpus("tuning/hkma-press.rss"), "text/xml", null);
        server.on("/down.rss", ex -> server.send(ex, 503, "busy".getBytes()));
        long down = source("Down", "/down.rss", "feed", ",\"enabled\":true");
        long ok = source("Up", "/ok.rss", "feed", ",\"enabled\":true,\"zone\":\"Asia/Hong_Kong\"");
        jdbc.update("update cf_reg_source set enabled = false where id not in (?, ?)", down, ok);
        assertThat(scheduler.round(Instant.now())).isEqualTo(2);
        assertThat(itemsOf(ok)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select last_error from cf_reg_source where id = ?", String.class, down)).contains("HTTP 503");
        assertThat(mvc.perform(get("/regtech/sources").with(user("admin"))).andReturn().getResponse().getContentAsString())
                .contains("服务器返回 HTTP 503");
        assertThat(registry.get("clearflow.regtech.source.consecutive.failures").tag("source", "source-" + down).gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("clearflow.regtech.polls").tag("source", "source-" + ok).tag("outcome", "ok").counter().count()).isEqualTo(1.0);
        assertThat(scheduler.round(Instant.now())).as("not due again before its schedule").isZero();
        var preview = json.readTree(mvc.perform(post("/api/regtech/sources/" + ok + "/test").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(preview.get("added").asInt()).isZero();
        assertThat(preview.get("duplicates").asInt()).isEqualTo(2);
    }
}
