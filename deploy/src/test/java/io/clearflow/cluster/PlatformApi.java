package io.clearflow.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The platform's REST API as a client sees it: HTTP Basic with a demo user's password, JSON in and out. */
public final class PlatformApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    public Answer get(PlatformNode node, String user, String path) {
        return send(node, user, "GET", path, null, "application/json");
    }

    public Answer post(PlatformNode node, String user, String path, String json) {
        return send(node, user, "POST", path, json, "application/json");
    }

    /** The node's metrics in Prometheus' text format (admin, ops or bot accounts may read them). */
    public String metrics(PlatformNode node, String user) {
        return expect(send(node, user, "GET", "/actuator/prometheus", null, "text/plain", "text/plain"), 200).body();
    }

    public Answer send(PlatformNode node, String user, String method, String path, Object body, String contentType) {
        return send(node, user, method, path, body, contentType, "application/json");
    }

    private Answer send(PlatformNode node, String user, String method, String path, Object body, String contentType,
                        String accept) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : body instanceof byte[] bytes ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                : HttpRequest.BodyPublishers.ofString(body.toString());
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(30))
                .method(method, publisher).header("Content-Type", contentType).header("Accept", accept)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + node.url(path) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Submits a reference approval as zhangsan (registry business staff); returns its case id. */
    public String submitApproval(PlatformNode node, String title) {
        Answer created = post(node, "zhangsan", "/api/approvals",
                "{\"title\":\"" + title + "\",\"amount\":100,\"reason\":\"cluster\"}");
        expect(created, 201);
        return created.json().path("caseId").asText();
    }

    /** Approves a review task: lisi for the department step, hegui for compliance. */
    public void approve(PlatformNode node, String user, String taskId) {
        expect(post(node, user, "/api/approvals/tasks/" + taskId + "/decision", "{\"approved\":true}"), 204);
    }

    public static Answer expect(Answer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + ", got " + answer.status() + ": " + answer.body());
        }
        return answer;
    }
}
