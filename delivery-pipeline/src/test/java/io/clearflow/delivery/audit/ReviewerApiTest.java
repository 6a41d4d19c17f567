package io.clearflow.delivery.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.delivery.DeliveryTestApplication;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest(classes = DeliveryTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public class ReviewerApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private ResultActions postJson(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void theThreeMethodsRecommendReviewersForTheChangedModules() throws Exception {
        mvc.perform(multipart("/api/delivery/function-networks/clearflow")
                .file(new MockMultipartFile("file", "n.csv", null,
                        "caller,callee,kind\ntrade,risk,function\nrisk,clear,function\n".getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic("chenqc", "demo"))).andExpect(status().isCreated());
        postJson("chenqc", "/api/delivery/audit-reviewers", "{\"system\":\"clearflow\",\"area\":\"trade\",\"userId\":\"wujiu\"}")
                .andExpect(status().isCreated());
        postJson("chenqc", "/api/delivery/audit-reviewers", "{\"system\":\"clearflow\",\"area\":\"risk\",\"userId\":\"zhengshi\"}")
                .andExpect(status().isCreated());
        postJson("chenqc", "/api/delivery/audit-reviewers", "{\"system\":\"clearflow\",\"area\":\"risk\",\"userId\":\"zhengshi\"}")
                .andExpect(status().isOk());
        postJson("chenqc", "/api/delivery/audit-reviewers", "{\"system\":\"clearflow\",\"area\":\"x\",\"userId\":\"nobody\"}")
                .andExpect(status().isUnprocessableEntity());
        postJson("wujiu", "/api/delivery/audit-reviewers", "{\"system\":\"clearflow\",\"area\":\"x\",\"userId\":\"wujiu\"}")
                .andExpect(status().isForbidden());

        String label = "6." + UUID.randomUUID().toString().substring(0, 8);
        long versionId = read(postJson("wujiu", "/api/delivery/versions",
                "{\"system\":\"clearflow\",\"version\":\"" + label + "\"}")).get("id").asLong();
        long auditId = read(postJson("wujiu", "/api/delivery/audits", "{\"versionId\":" + versionId + "}")).get("id").asLong();
        for (String v : List.of("1", "2")) {
            mvc.perform(multipart("/api/delivery/audits/" + auditId + "/packages")
                    .file(new MockMultipartFile("file", "p" + v + ".zip", null,
                            TestArchives.zip(Map.of("clear/fee.c", "v" + v + "\n", "trade/o.c", "v" + v + "\n"))))
                    .with(httpBasic("wujiu", "demo"))).andExpect(status().isCreated());
        }
        postJson("wujiu", "/api/delivery/audits/" + auditId + "/reviews", "{\"module\":\"clear\",\"reviewer\":\"chenqc\"}")
                .andExpect(status().isCreated());
        postJson("wujiu", "/api/delivery/audits/" + auditId + "/reviews", "{\"module\":\"clear\",\"reviewer\":\"chenqc\"}")
                .andExpect(status().isCreated());

        JsonNode rows = read(mvc.perform(get("/api/delivery/audits/" + auditId + "/recommendations")
                .with(httpBasic("zhengshi", "demo"))).andExpect(status().isOk()));
        assertThat(rows).hasSize(2);
        JsonNode clear = rows.get(0).get("module").asText().equals("clear") ? rows.get(0) : rows.get(1);
        JsonNode trade = clear == rows.get(0) ? rows.get(1) : rows.get(0);
        assertThat(trade.get("rule").get(0).get("userId").asText()).isEqualTo("wujiu");
        assertThat(clear.get("rule")).isEmpty();
        assertThat(clear.get("history").get(0).get("userId").asText()).isEqualTo("chenqc");
        assertThat(clear.get("history").get(0).get("score").asDouble()).isCloseTo(2.0, within(0.01));
        assertThat(clear.get("association").get(0).get("userId").asText()).isEqualTo("zhengshi");
        assertThat(clear.get("association").get(0).get("score").asDouble()).isEqualTo(1.0);
        assertThat(clear.get("association").get(1).get("userId").asText()).isEqualTo("wujiu");
        assertThat(clear.get("association").get(1).get("score").asDouble()).isEqualTo(0.5);
    }

    @Test
    void historyWeighsRecencyAndCount() {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        var scored = ReviewerRecommendation.history(List.of(
                new ReviewRepository.Review(1, "m", "old", now.minus(ReviewerRecommendation.HALF_LIFE)),
                new ReviewRepository.Review(2, "m", "old", now.minus(ReviewerRecommendation.HALF_LIFE)),
                new ReviewRepository.Review(3, "m", "old", now.minus(ReviewerRecommendation.HALF_LIFE)),
                new ReviewRepository.Review(4, "m", "recent", now)), now);
        // three reviews one half-life ago (3 × 0.5) outweigh one today (1)
        assertThat(scored).extracting(ReviewerRecommendation.Scored::userId).containsExactly("old", "recent");
        assertThat(scored.get(0).score()).isCloseTo(1.5, within(1e-9));
        assertThat(scored.get(1).score()).isCloseTo(1.0, within(1e-9));
    }
}
