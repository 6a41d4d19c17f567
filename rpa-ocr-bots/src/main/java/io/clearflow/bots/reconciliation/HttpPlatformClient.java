package io.clearflow.bots.reconciliation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The platform's reconciliation REST API, called with the bot's bearer token (role BOT):
 * <ul>
 *   <li>{@code GET  /api/reconciliation/documents/exists?hash=} (duplicate check before any OCR)</li>
 *   <li>{@code GET  /api/reconciliation/ledger?type=&key=} (the platform's own record)</li>
 *   <li>{@code POST /api/reconciliation/documents} multipart: {@code result} JSON and {@code image} PNG; 201 opens
 *       the confirmation task, 409 means the content hash is already known</li>
 * </ul>
 */
public final class HttpPlatformClient implements PlatformClient {

    private final URI base;
    private final Supplier<String> token;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public HttpPlatformClient(URI base, Supplier<String> token, HttpClient http) {
        this.base = base;
        this.token = token;
        this.http = http;
    }

    @Override
    public boolean alreadySubmitted(String contentHash) {
        JsonNode answer = getJson("/api/reconciliation/documents/exists?hash=" + enc(contentHash), false);
        return answer != null && answer.path("exists").asBoolean();
    }

    @Override
    public Optional<Map<String, String>> record(String type, String key) {
        JsonNode answer = getJson("/api/reconciliation/ledger?type=" + enc(type) + "&key=" + enc(key), true);
        if (answer == null) {
            return Optional.empty();
        }
        return Optional.of(json.convertValue(answer.path("fields"), new TypeReference<Map<String, String>>() { }));
    }

    @Override
    public Optional<Long> submit(Reconciliation reconciliation, byte[] previewPng) {
        try {
            String boundary = "cf-" + UUID.randomUUID();
            var body = new ByteArrayOutputStream();
            part(body, boundary, "result", "result.json", "application/json", json.writeValueAsBytes(reconciliation));
            if (previewPng != null) {
                part(body, boundary, "image", "page.png", "image/png", previewPng);
            }
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/api/reconciliation/documents"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
            if (response.statusCode() == 409) {
                return Optional.empty();
            }
            if (response.statusCode() != 201) {
                throw new IllegalStateException("submitting " + reconciliation.fileName() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return Optional.of(json.readTree(response.body()).path("id").asLong());
        } catch (IOException e) {
            throw new IllegalStateException("cannot submit " + reconciliation.fileName() + ": " + e.getMessage(), e);
        }
    }

    private JsonNode getJson(String path, boolean notFoundIsEmpty) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path)).GET());
        if (notFoundIsEmpty && response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + ": not JSON", e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token.get())
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("platform unreachable at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String file, String type, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + file
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
