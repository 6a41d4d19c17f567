package io.clearflow.delivery.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.delivery.DeliveryTestApplication;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
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
 * An artifact sent as the whole request body ({@code application/octet-stream}, name as a parameter) follows the
 * multipart upload's rules: stored by digest (201), the same again answers 200 with the same id, other content under
 * the name 409, a missing or unsafe name and an empty body 400, over the limit 413, a tester 403 — and the refused
 * ones store nothing.
 */
@SpringBootTest(classes = DeliveryTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ArtifactBodyUploadTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    ResultActions send(String user, long versionId, String name, byte[] body) throws Exception {
        var request = post("/api/delivery/versions/" + versionId + "/artifacts").with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).content(body);
        return mvc.perform(name == null ? request : request.param("name", name));
    }

    @Test
    void aBodyUploadIsStoredByDigestUnderTheSameRules() throws Exception {
        String label = "7." + UUID.randomUUID().toString().substring(0, 8);
        long versionId = json.readTree(mvc.perform(post("/api/delivery/versions").with(httpBasic("wujiu", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"system\":\"clearflow\",\"version\":\"" + label + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
        byte[] content = ("build of " + label).getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

        String first = send("wujiu", versionId, "app.jar", content).andExpect(status().isCreated())
                .andExpect(jsonPath("$.sha256").value(sha)).andExpect(jsonPath("$.size").value(content.length))
                .andReturn().getResponse().getContentAsString();
        send("wujiu", versionId, "app.jar", content).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(json.readTree(first).get("id").asLong()));
        send("wujiu", versionId, "app.jar", "other".getBytes(StandardCharsets.UTF_8)).andExpect(status().isConflict());
        send("wujiu", versionId, null, content).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.name").exists());
        send("wujiu", versionId, "../../etc/passwd", content).andExpect(status().isBadRequest());
        send("wujiu", versionId, "empty.jar", new byte[0]).andExpect(status().isBadRequest());
        send("wujiu", versionId, "big.jar", new byte[300 * 1024]).andExpect(status().isPayloadTooLarge()); // limit 256KB in tests
        send("zhengshi", versionId, "tester.jar", content).andExpect(status().isForbidden());
        assertThat(jdbc.queryForList("SELECT name FROM del_artifact WHERE version_id = ?", String.class, versionId))
                .containsExactly("app.jar");
    }
}
