package io.clearflow.regtech.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.regtech.RegtechTestApplication;
import io.clearflow.regtech.fetch.LoopbackServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Subscriptions end to end: who may subscribe what (bad input and wrong roles change nothing), one
 * notice per poll round and subscriber listing only the matching new items (a scheduler round over
 * two sources included), department notices shared by the department, read marks, and the weekly
 * digest as a page and as e-mail-ready HTML.
 */
@SpringBootTest(classes = RegtechTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SubscriptionDeliveryTest {

    static final LoopbackServer server = new LoopbackServer();

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired PollScheduler scheduler;

    @AfterAll
    static void stop() {
        server.close();
    }

    /** An RSS 2.0 feed; every item dated in ISO week 2024-W10 (4 to 10 March 2024). */
    static byte[] rss(String... titles) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<link>https://example.org/</link><description>d</description>");
        for (int i = 0; i < titles.length; i++) {
            b.append("<item><title>").append(titles[i]).append("</title><link>https://example.org/n/").append(titles[i].hashCode())
                    .append("</link><guid>g-").append(titles[i].hashCode()).append("</guid><pubDate>Wed, 06 Mar 2024 1")
                    .append(i).append(":00:00 GMT</pubDate></item>");
        }
        return b.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    ResultActions postJson(String u, String path, String body) throws Exception {
        return mvc.perform(post(path).with(httpBasic(u, "demo")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    long source(String name, String path, String jurisdiction, String organisation) throws Exception {
        String body = "{\"name\":\"" + name + "\",\"url\":\"" + server.url(path) + "\",\"kind\":\"feed\",\"jurisdiction\":\""
                + jurisdiction + "\",\"organisation\":\"" + organisation + "\"}";
        return json.readTree(postJson("admin", "/api/regtech/sources", body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asLong();
    }

    JsonNode notices(String u) throws Exception {
        return json.readTree(mvc.perform(get("/api/regtech/notices").with(httpBasic(u, "demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    static List<String> titles(JsonNode notice) {
        List<String> out = new ArrayList<>();
        notice.get("items").forEach(i -> out.add(i.get("title").asText()));
        return out;
    }

    int subscriptions() {
        return jdbc.queryForObject("select count(*) from cf_reg_subscription", Integer.class);
    }

    @Test
    void subscribersGetOneNoticePerRoundWithTheirMatchesAndAWeeklyDigest() throws Exception {
        postJson("zhangsan", "/api/regtech/subscriptions", "{\"scope\":\"me\",\"kind\":\"topic\",\"term\":\"ai\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.subscriber").value("zhangsan"));
        postJson("zhouba", "/api/regtech/subscriptions", "{\"scope\":\"department\",\"kind\":\"jurisdiction\",\"term\":\"gb\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.subscriber").value("dept-it"))
                .andExpect(jsonPath("$.term").value("GB"));
        int before = subscriptions();
        postJson("zhangsan", "/api/regtech/subscriptions", "{\"scope\":\"me\",\"kind\":\"colour\",\"term\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.kind").exists());
        postJson("zhangsan", "/api/regtech/subscriptions", "{\"scope\":\"me\",\"kind\":\"topic\",\"term\":\"astrology\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.term").value("不是已知的主题"));
        postJson("zhangsan", "/api/regtech/subscriptions", "{\"scope\":\"me\",\"kind\":\"organisation\",\"term\":\"x'; drop table cf_reg_item;--\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.term").exists());
        postJson("zhangsan", "/api/regtech/subscriptions", "{\"scope\":\"me\",\"kind\":\"topic\"}").andExpect(status().isBadRequest());
        postJson("zhangsan", "/api/regtech/subscriptions", "{\"scope\":\"me\",\"kind\":\"organisation\",\"term\":\"" + "x".repeat(65) + "\"}")
                .andExpect(status().isBadRequest());
        postJson("zhangsan", "/api/regtech/subscriptions", "{\"scope\":7,\"kind\":[],\"term\":{}}").andExpect(status().isBadRequest());
        postJson("wangwu", "/api/regtech/subscriptions", "{\"scope\":\"department\",\"kind\":\"topic\",\"term\":\"ai\"}")
                .andExpect(status().isForbidden());
        postJson("zhouba", "/api/regtech/subscriptions", "{\"scope\":\"department\",\"department\":\"dept-registry\",\"kind\":\"topic\",\"term\":\"ai\"}")
                .andExpect(status().isForbidden());
        postJson("admin", "/api/regtech/subscriptions", "{\"scope\":\"department\",\"department\":\"dept-nowhere\",\"kind\":\"topic\",\"term\":\"ai\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.department").exists());
        mvc.perform(post("/api/regtech/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"scope\":\"me\",\"kind\":\"topic\",\"term\":\"ai\"}")).andExpect(status().is4xxClientError());
        mvc.perform(get("/api/regtech/subscriptions")).andExpect(status().isUnauthorized());
        assertThat(subscriptions()).as("refusals store nothing").isEqualTo(before);
        long deptSubscription = json.readTree(mvc.perform(get("/api/regtech/subscriptions").with(httpBasic("wujiu", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].subscriber").value("dept-it"))
                .andReturn().getResponse().getContentAsString()).get(0).get("id").asLong();
        mvc.perform(delete("/api/regtech/subscriptions/" + deptSubscription).with(httpBasic("wujiu", "demo")))
                .andExpect(status().isForbidden());

        // a poll on request is a round of its own: one notice per subscriber, only the matches
        String ai1 = "FCA sets out its approach to artificial intelligence in wholesale markets";
        String ai2 = "FCA AI Lab: synthetic data expert group report";
        String other = "FCA fines a broker for late transaction reporting";
        server.serve("/fca.rss", rss(ai1, ai2, other), "application/rss+xml", "\"fca-1\"");
        long fca = source("FCA test", "/fca.rss", "GB", "FCA");
        postJson("admin", "/api/regtech/sources/" + fca + "/poll", "").andExpect(jsonPath("$.added").value(3));
        JsonNode mine = notices("zhangsan");
        assertThat(mine).hasSize(1);
        assertThat(titles(mine.get(0))).containsExactlyInAnyOrder(ai1, ai2);
        JsonNode dept = notices("wujiu");
        assertThat(dept).hasSize(1);
        assertThat(titles(dept.get(0))).containsExactlyInAnyOrder(ai1, ai2, other);
        assertThat(dept.get(0).get("notice").get("subscriberType").asText()).isEqualTo("department");
        assertThat(notices("wangwu")).isEmpty();

        // a scheduler round over two sources still gives each subscriber one notice
        String ai3 = "ESMA guidelines on the use of artificial intelligence in investment services";
        String ai4 = "BoE and FCA survey on machine learning in UK financial services";
        server.serve("/esma.rss", rss(ai3), "application/rss+xml", "\"esma-1\"");
        server.serve("/boe.rss", rss(ai4), "application/rss+xml", "\"boe-1\"");
        long esma = source("ESMA test", "/esma.rss", "EU", "ESMA");
        long boe = source("BoE test", "/boe.rss", "GB", "BoE");
        jdbc.update("update cf_reg_source set enabled = false");
        jdbc.update("update cf_reg_source set enabled = true where id in (?, ?)", esma, boe);
        assertThat(scheduler.round(Instant.now())).isEqualTo(2);
        mine = notices("zhangsan");
        assertThat(mine).hasSize(2);
        assertThat(titles(mine.get(0))).containsExactlyInAnyOrder(ai3, ai4);
        assertThat(titles(notices("wujiu").get(0))).containsExactly(ai4);
        assertThat(jdbc.queryForObject("select count(*) from cf_reg_notice_pending", Integer.class)).isZero();

        // read marks: one's own notice, a colleague's department notice, never someone else's
        long first = mine.get(1).get("notice").get("id").asLong();
        postJson("wangwu", "/api/regtech/notices/" + first + "/read", "").andExpect(status().isNotFound());
        postJson("zhangsan", "/api/regtech/notices/" + first + "/read", "").andExpect(status().isOk())
                .andExpect(jsonPath("$.readBy").value("zhangsan"));
        String tracker = mvc.perform(get("/regtech").with(user("zhangsan"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(tracker).contains("tracker-notices").contains("1 条未读");

        // the digest of the week the items were published, for the reader's subscriptions only
        String mail = mvc.perform(get("/api/regtech/digest").param("week", "2024-W10").with(httpBasic("zhangsan", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(mail).contains(ai1, ai2, ai3, ai4).doesNotContain(other).contains("2024-03-04").contains("style=\"")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link").doesNotContain("??")
                .contains("http://localhost/regtech/items/");
        String mailEn = mvc.perform(get("/api/regtech/digest").param("week", "2024-W10").param("lang", "en")
                .with(httpBasic("wujiu", "demo"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(mailEn).contains("Weekly regulatory digest", ai1, other).doesNotContain(ai3).doesNotContain("??");
        assertThat(mvc.perform(get("/api/regtech/digest").param("week", "2024-W10").with(httpBasic("wangwu", "demo")))
                .andReturn().getResponse().getContentAsString()).contains("digest-no-subscriptions").doesNotContain(ai1);
        for (String bad : List.of("2024-W60", "abc", "2024-W00", "9999-W01")) {
            mvc.perform(get("/api/regtech/digest").param("week", bad).with(httpBasic("zhangsan", "demo")))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.week").exists());
        }
        for (String lang : List.of("zh", "en")) {
            String page = mvc.perform(get("/regtech/digest").param("week", "2024-W10").param("lang", lang).with(user("zhangsan")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains(ai1).contains("digest-previous").doesNotContain("??");
            String subs = mvc.perform(get("/regtech/subscriptions").param("lang", lang).with(user("zhouba")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(subs).contains("subscribe-form").contains("notice-").contains("department:dept-it")
                    .doesNotContain("department:dept-registry").doesNotContain("??");
        }
    }
}
