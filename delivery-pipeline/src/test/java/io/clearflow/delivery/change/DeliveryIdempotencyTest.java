package io.clearflow.delivery.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockPart;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Delivery's create and decide endpoints take an {@code Idempotency-Key}: a retried upload is answered from the key
 * (one artifact, the first answer again) and another file under the same key is refused; a retried change creation
 * creates one change where a plain retry meets "one open change per submission" (409); a retried approval records one
 * approval.
 */
class DeliveryIdempotencyTest extends DeliveryFlowSupport {

    ResultActions upload(long versionId, String key, String content) throws Exception {
        return mvc.perform(multipart("/api/delivery/versions/" + versionId + "/artifacts")
                // a part, as a real server delivers it: the key's fingerprint reads the request's parts
                .part(new MockPart("file", "retried.jar", content.getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic("wujiu", "demo")).header("Idempotency-Key", key));
    }

    ResultActions postWithKey(String user, String path, String key, String body) throws Exception {
        return mvc.perform(post(path).with(httpBasic(user, "demo")).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aRetriedUploadIsAnsweredFromItsKeyAndStoresOneArtifact() throws Exception {
        Setup s = version(false);
        String key = UUID.randomUUID().toString();
        String first = upload(s.versionId(), key, "build 1").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        // without the key the same upload would answer 200 (same name and content); the key replays the 201
        String retry = upload(s.versionId(), key, "build 1").andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true")).andReturn().getResponse().getContentAsString();
        assertThat(retry).isEqualTo(first);
        upload(s.versionId(), key, "build 2").andExpect(status().isUnprocessableEntity());
        assertThat(jdbc.queryForList("SELECT sha256 FROM del_artifact WHERE version_id = ? AND name = 'retried.jar'",
                String.class, s.versionId())).containsExactly(json.readTree(first).get("sha256").asText());
    }

    @Test
    void aRetriedChangeCreationAndApprovalAreAppliedOnce() throws Exception {
        Setup s = version(false);
        long submission = passedSubmission(s);
        String body = """
                {"testSubmissionId":%d,"risk":"low","window":"2026-12-12 22:00-23:30","rollbackPlan":"redeploy"}"""
                .formatted(submission);
        String key = UUID.randomUUID().toString();
        String first = postWithKey("wujiu", "/api/delivery/changes", key, body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String retry = postWithKey("wujiu", "/api/delivery/changes", key, body).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true")).andReturn().getResponse().getContentAsString();
        assertThat(retry).isEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_change WHERE test_submission_id = ?", Integer.class,
                submission)).isEqualTo(1);
        // a retry without a key is a second change request and meets the open one
        postJson("wujiu", "/api/delivery/changes", body).andExpect(status().isConflict());

        long change = json.readTree(first).get("id").asLong();
        String approveKey = UUID.randomUUID().toString();
        postWithKey("chenqc", "/api/delivery/changes/" + change + "/approve", approveKey, "{\"comment\":\"ok\"}")
                .andExpect(status().isOk());
        postWithKey("chenqc", "/api/delivery/changes/" + change + "/approve", approveKey, "{\"comment\":\"ok\"}")
                .andExpect(status().isOk()).andExpect(header().string("Idempotent-Replayed", "true"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_change_approval WHERE change_id = ?", Integer.class,
                change)).isEqualTo(1);
    }
}
