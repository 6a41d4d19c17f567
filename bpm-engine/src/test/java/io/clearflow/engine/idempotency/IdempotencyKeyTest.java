package io.clearflow.engine.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.EngineTestApplication;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The rules of the {@code Idempotency-Key} header, on the reference approval's start and decision endpoints: a retry
 * gets the first answer and changes nothing; another request under the same key is refused (422); a duplicate while
 * the first still runs is refused at once (409); a refused request keeps no answer; keys are per user and expire.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class IdempotencyKeyTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired ObjectMapper json;
    @Autowired IdempotencyCleanup cleanup;

    static String body(String title) {
        return "{\"title\":\"" + title + "\",\"amount\":100,\"reason\":\"idempotency\"}";
    }

    MockHttpServletRequestBuilder submit(String user, String key, String body) {
        MockHttpServletRequestBuilder request = post("/api/approvals").with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body);
        return key == null ? request : request.header("Idempotency-Key", key);
    }

    int requests(String title) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM cf_approval_request WHERE title = ?", Integer.class, title);
    }

    @Test
    void aRetryGetsTheFirstAnswerAndStartsNothing() throws Exception {
        String title = "retry " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        MvcResult first = mvc.perform(submit("zhangsan", key, body(title))).andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed")).andReturn();
        MvcResult retry = mvc.perform(submit("zhangsan", "\"" + key + "\"", body(title))).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true")).andReturn();
        assertThat(retry.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        assertThat(retry.getResponse().getContentType()).isEqualTo(first.getResponse().getContentType());
        assertThat(requests(title)).isEqualTo(1);

        // without a key nothing is remembered: two submissions, two requests (the header stays optional)
        String plain = "no key " + UUID.randomUUID();
        mvc.perform(submit("zhangsan", null, body(plain))).andExpect(status().isCreated());
        mvc.perform(submit("zhangsan", null, body(plain))).andExpect(status().isCreated());
        assertThat(requests(plain)).isEqualTo(2);
    }

    @Test
    void theSameKeyForAnotherRequestIs422AndChangesNothing() throws Exception {
        String title = "first " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        mvc.perform(submit("zhangsan", key, body(title))).andExpect(status().isCreated());
        mvc.perform(submit("zhangsan", key, body(title + " changed")).header("Accept-Language", "en").param("lang", "en"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value("urn:clearflow:idempotency-key:mismatch"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Idempotency-Key")));
        assertThat(requests(title + " changed")).isZero();
        assertThat(requests(title)).isEqualTo(1);
    }

    @Test
    void aDuplicateWhileTheFirstRunsIs409AtOnceAndRunsOnceTheFirstGaveUp() throws Exception {
        String title = "concurrent " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Instant now = Instant.now();
        jdbc.update("INSERT INTO cf_idempotency_key (user_id, idem_key, fingerprint, state, claimed_at, expires_at)"
                + " VALUES ('zhangsan', ?, 'of the first request', 'PENDING', ?, ?)", key, Timestamp.from(now),
                Timestamp.from(now.plusSeconds(3600)));
        // the first request holds its key's row lock until its transaction ends: here another connection holds it
        try (Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            try (PreparedStatement lock = first.prepareStatement(
                    "SELECT * FROM cf_idempotency_key WHERE user_id = 'zhangsan' AND idem_key = ? FOR UPDATE")) {
                lock.setString(1, key);
                try (ResultSet rs = lock.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                }
            }
            long start = System.nanoTime();
            mvc.perform(submit("zhangsan", key, body(title))).andExpect(status().isConflict())
                    .andExpect(header().string("Retry-After", "1"))
                    .andExpect(jsonPath("$.type").value("urn:clearflow:idempotency-key:in-progress"));
            assertThat((System.nanoTime() - start) / 1_000_000).as("refused without waiting for the lock").isLessThan(1_000);
            first.rollback(); // the first request failed: it changed nothing
        }
        assertThat(requests(title)).isZero();
        mvc.perform(submit("zhangsan", key, body(title))).andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed"));
        mvc.perform(submit("zhangsan", key, body(title))).andExpect(header().string("Idempotent-Replayed", "true"));
        assertThat(requests(title)).isEqualTo(1);
    }

    @Test
    void aRefusedRequestKeepsNoAnswerSoItsCorrectedRetryRuns() throws Exception {
        String title = "refused " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        mvc.perform(submit("zhangsan", key, "{\"title\":\"" + title + "\",\"amount\":\"lots\",\"reason\":\"x\"}"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_idempotency_key WHERE idem_key = ? AND state = 'DONE'",
                Integer.class, key)).isZero();
        mvc.perform(submit("zhangsan", key, body(title))).andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed"));
        assertThat(requests(title)).isEqualTo(1);
    }

    @Test
    void keysArePerUser() throws Exception {
        String key = UUID.randomUUID().toString();
        String title = "per user " + UUID.randomUUID();
        mvc.perform(submit("zhangsan", key, body(title))).andExpect(status().isCreated());
        mvc.perform(submit("lisi", key, body(title))).andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed"));
        assertThat(requests(title)).isEqualTo(2);
    }

    @Test
    void aRetriedDecisionIsAppliedOnce() throws Exception {
        String title = "decision " + UUID.randomUUID();
        JsonNode request = json.readTree(mvc.perform(submit("zhangsan", null, body(title))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        String caseId = request.path("caseId").asText();
        String taskId = jdbc.queryForObject("SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ ="
                + " (SELECT process_instance_id FROM cf_approval_request WHERE title = ?)", String.class, title);
        assertThat(taskId).as("lisi's review task of case %s", caseId).isNotNull();
        String key = UUID.randomUUID().toString();
        String decision = "{\"approved\":true,\"comment\":\"once\"}";
        for (int attempt = 0; attempt < 2; attempt++) {
            mvc.perform(post("/api/approvals/tasks/" + taskId + "/decision").with(httpBasic("lisi", "demo"))
                            .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(decision))
                    .andExpect(status().isNoContent());
        }
        // the retry did not meet a completed task (which would be 404): it was answered from the key
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_event_log WHERE case_id = ? AND lifecycle = 'complete'"
                + " AND scope = 'task'", Integer.class, caseId)).isEqualTo(1);
    }

    @Test
    void malformedKeysAreRefusedBeforeAnythingRuns() throws Exception {
        String title = "bad key " + UUID.randomUUID();
        mvc.perform(submit("zhangsan", "x".repeat(256), body(title))).andExpect(status().isBadRequest());
        mvc.perform(submit("zhangsan", "with space", body(title))).andExpect(status().isBadRequest());
        assertThat(requests(title)).isZero();
    }

    @Test
    void expiredKeysAreDeletedAndTheirRetryRunsAgain() throws Exception {
        String title = "expired " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        mvc.perform(submit("zhangsan", key, body(title))).andExpect(status().isCreated());
        jdbc.update("UPDATE cf_idempotency_key SET expires_at = ? WHERE idem_key = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), key);
        assertThat(cleanup.deleteExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_idempotency_key WHERE idem_key = ?", Integer.class, key))
                .isZero();
        mvc.perform(submit("zhangsan", key, body(title))).andExpect(header().doesNotExist("Idempotent-Replayed"));
        assertThat(requests(title)).isEqualTo(2);
    }
}
