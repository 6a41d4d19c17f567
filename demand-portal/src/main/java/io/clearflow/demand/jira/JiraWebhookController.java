package io.clearflow.demand.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Jira's webhook (issue created/updated). Authenticated by the HMAC-SHA256 signature of the raw
 * body with the shared secret, in Jira's {@code X-Hub-Signature: sha256=<hex>} form; anything
 * unsigned or wrongly signed is refused before the body is read. A delivery is applied once: its
 * {@code X-Atlassian-Webhook-Identifier} (or, without it, the body's hash) is recorded in the same
 * transaction as the change, so a replay changes nothing.
 */
@RestController
@Tag(name = "Jira webhook", description = "Status changes of development tasks pushed by Jira")
class JiraWebhookController {

    static final String PATH = "/api/integrations/jira/webhook";

    private final JiraProperties properties;
    private final JiraSync sync;
    private final ObjectMapper json;

    JiraWebhookController(JiraProperties properties, JiraSync sync, ObjectMapper json) {
        this.properties = properties;
        this.sync = sync;
        this.json = json;
    }

    @PostMapping(PATH)
    @Operation(summary = "Receive a signed Jira webhook delivery (X-Hub-Signature: sha256=HMAC of the body)")
    ResponseEntity<Object> receive(@RequestBody(required = false) byte[] body,
                                   @RequestHeader(name = "X-Hub-Signature", required = false) String signature,
                                   @RequestHeader(name = "X-Atlassian-Webhook-Identifier", required = false) String deliveryId) {
        String secret = properties.webhookSecret();
        if (secret == null || secret.isBlank()) {
            return problem(HttpStatus.NOT_FOUND, "the Jira integration is not configured");
        }
        byte[] payload = body == null ? new byte[0] : body;
        if (!validSignature(secret, payload, signature)) {
            return problem(HttpStatus.UNAUTHORIZED, "missing or invalid webhook signature");
        }
        JiraClient.Issue issue;
        try {
            issue = issue(json.readTree(payload));
        } catch (IOException | IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, "not a Jira issue event: " + e.getMessage());
        }
        String delivery = deliveryId != null && !deliveryId.isBlank() && deliveryId.length() <= 128
                ? deliveryId : "sha256:" + HexFormat.of().formatHex(sha256(payload));
        try {
            Optional<Boolean> applied = sync.applyOnce(delivery, issue);
            if (applied.isEmpty()) {
                return ResponseEntity.ok(Map.of("delivery", delivery, "duplicate", true));
            }
            return ResponseEntity.ok(Map.of("delivery", delivery, "applied", applied.get()));
        } catch (DuplicateKeyException e) {
            return ResponseEntity.ok(Map.of("delivery", delivery, "duplicate", true));
        }
    }

    private static JiraClient.Issue issue(JsonNode event) {
        if (!event.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        JsonNode issue = event.path("issue");
        if (!issue.hasNonNull("key")) {
            return null; // other events (comments, sprints) carry nothing for tracking
        }
        JsonNode fields = issue.path("fields");
        List<String> labels = new ArrayList<>();
        fields.path("labels").forEach(l -> labels.add(l.asText()));
        return new JiraClient.Issue(issue.path("id").asText(), issue.path("key").asText(),
                fields.path("status").path("name").asText(null),
                fields.path("status").path("statusCategory").path("key").asText(null), labels);
    }

    static boolean validSignature(String secret, byte[] payload, String header) {
        if (header == null || !header.startsWith("sha256=")) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring("sha256=".length()).strip().toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, payload), given);
    }

    static byte[] hmac(String secret, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] payload) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(payload);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
