package io.clearflow.demand.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.demand.DemandTestApplication;
import java.util.UUID;
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
 * The demand portal's submission and decisions take an {@code Idempotency-Key}: a retried submission creates one
 * demand, a retried triage decision is answered from the key instead of meeting a demand already past triage (409),
 * and a different decision under the same key is refused (422) without changing the demand.
 */
@SpringBootTest(classes = DemandTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemandIdempotencyTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    ResultActions post(String user, String path, String key, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(httpBasic(user, "demo")).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aRetriedSubmissionAndARetriedDecisionAreAppliedOnce() throws Exception {
        String title = "幂等 " + UUID.randomUUID().toString().substring(0, 8);
        String demand = DemandLifecycleTest.DEMAND.formatted(false, "null").replace("新增两融报表", title);
        String submitKey = UUID.randomUUID().toString();
        String first = post("zhangsan", "/api/demands", submitKey, demand).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String retry = post("zhangsan", "/api/demands", submitKey, demand).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true")).andReturn().getResponse().getContentAsString();
        assertThat(retry).isEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_demand WHERE title = ?", Integer.class, title)).isEqualTo(1);
        long id = json.readTree(first).get("id").asLong();

        String decideKey = UUID.randomUUID().toString();
        String accept = "{\"accepted\":true,\"reason\":\"受理\"}";
        post("zhouba", "/api/demands/" + id + "/triage", decideKey, accept).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("EVALUATION"));
        post("zhouba", "/api/demands/" + id + "/triage", decideKey, accept).andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true")).andExpect(jsonPath("$.state").value("EVALUATION"));
        post("zhouba", "/api/demands/" + id + "/triage", decideKey, "{\"accepted\":false,\"reason\":\"不受理\"}")
                .andExpect(status().isUnprocessableEntity());
        assertThat(jdbc.queryForObject("SELECT state FROM cf_demand WHERE id = ?", String.class, id)).isEqualTo("EVALUATION");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_demand_history WHERE demand_id = ? AND to_state = 'EVALUATION'",
                Integer.class, id)).as("triaged once").isEqualTo(1);
    }
}
