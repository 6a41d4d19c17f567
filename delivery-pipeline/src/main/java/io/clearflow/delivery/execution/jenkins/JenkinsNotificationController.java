package io.clearflow.delivery.execution.jenkins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Builds that report back: {@code POST /api/delivery/jenkins/notifications} with
 * {@code {"job", "build", "status", "url"}} and the header {@code X-Jenkins-Signature: sha256=<HMAC-SHA256 of the
 * body with clearflow.delivery.jenkins.notification-secret>}. Jenkins cannot sign in, so the signature is the
 * authentication; it is checked before the body is read. A final status completes the deployment through the
 * same path as polling (once, whichever comes first); another status makes it poll at once.
 */
@RestController
@Tag(name = "Jenkins notifications", description = "Signed build notifications from Jenkins")
class JenkinsNotificationController {

    static final String PATH = "/api/delivery/jenkins/notifications";
    static final String SIGNATURE = "X-Jenkins-Signature";
    private static final int MAX_BODY = 16 * 1024;

    private final JenkinsProperties properties;
    private final JenkinsExecutor executor;
    private final ObjectMapper json;
    private final MessageSource messages;

    JenkinsNotificationController(JenkinsProperties properties, JenkinsExecutor executor, ObjectMapper json,
                                  MessageSource messages) {
        this.properties = properties;
        this.executor = executor;
        this.json = json;
        this.messages = messages;
    }

    @PostMapping(PATH)
    @Operation(summary = "Receive a signed Jenkins build notification (X-Jenkins-Signature: sha256=HMAC of the body)")
    ResponseEntity<Object> receive(@RequestBody(required = false) byte[] body,
                                   @RequestHeader(name = SIGNATURE, required = false) String signature) {
        String secret = properties.notificationSecret();
        if (secret == null || secret.isBlank()) {
            return problem(HttpStatus.NOT_FOUND, "delivery.jenkins.notification.off");
        }
        byte[] payload = body == null ? new byte[0] : body;
        if (!NotificationSignature.valid(secret, payload, signature)) {
            return problem(HttpStatus.UNAUTHORIZED, "delivery.jenkins.notification.signature");
        }
        if (payload.length > MAX_BODY) {
            return problem(HttpStatus.BAD_REQUEST, "delivery.jenkins.notification.invalid");
        }
        JsonNode notification;
        try {
            notification = json.readTree(payload);
        } catch (IOException e) {
            return problem(HttpStatus.BAD_REQUEST, "delivery.jenkins.notification.invalid");
        }
        if (notification == null || !notification.path("job").isTextual() || notification.path("job").asText().isBlank()
                || !notification.path("build").canConvertToInt() || notification.path("build").asInt() <= 0
                || !notification.path("status").isTextual()) {
            return problem(HttpStatus.BAD_REQUEST, "delivery.jenkins.notification.invalid");
        }
        Optional<Long> deployment = executor.notified(notification.path("job").asText(), notification.path("build").asInt(),
                notification.path("status").asText());
        if (deployment.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "delivery.jenkins.notification.unknown");
        }
        return ResponseEntity.accepted().body(Map.of("deploymentId", deployment.get()));
    }

    private ResponseEntity<Object> problem(HttpStatus status, String key) {
        String detail = messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
