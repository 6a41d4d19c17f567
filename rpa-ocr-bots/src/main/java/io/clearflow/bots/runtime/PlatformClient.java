package io.clearflow.bots.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * HTTP to the platform as the bot: its base URL and the bot's Bearer token. The same client serves
 * in the platform JVM (the platform's own port) and on a separate bot host.
 */
public class PlatformClient {

    /** The platform answered with an error status: a technical failure unless the caller knows better. */
    public static class PlatformException extends RuntimeException {
        private final int status;

        public PlatformException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Supplier<String> baseUrl;
    private final Supplier<String> token;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public PlatformClient(Supplier<String> baseUrl, Supplier<String> token, ObjectMapper json) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.json = json;
    }

    public ObjectMapper json() {
        return json;
    }

    /** True when the platform URL and a token are known, so calls can be made. */
    public boolean ready() {
        return baseUrl.get() != null && token.get() != null;
    }

    public JsonNode getJson(String path) {
        return readJson(send(request(path).GET().build()));
    }

    /** GET that answers empty on 404: the platform has no such thing (the caller says what that means). */
    public Optional<JsonNode> findJson(String path) {
        try {
            return Optional.of(getJson(path));
        } catch (PlatformException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public byte[] getBytes(String path) {
        HttpResponse<byte[]> response = exchange(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        check(response.statusCode(), path, new String(response.body(), StandardCharsets.UTF_8));
        return response.body();
    }

    /** A file part of a multipart request. */
    public record Part(String name, String fileName, String contentType, byte[] content) { }

    /** POST {@code multipart/form-data}; answers the JSON the platform returns. */
    public JsonNode postMultipart(String path, List<Part> parts) {
        String boundary = "cf-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        for (Part p : parts) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\"; filename=\""
                    + p.fileName() + "\"\r\nContent-Type: " + p.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(p.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return readJson(send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build()));
    }

    public JsonNode postJson(String path, Object body) {
        return readJson(send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))).build()));
    }

    public JsonNode putJson(String path, Object body) {
        return readJson(send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))).build()));
    }

    private HttpRequest.Builder request(String path) {
        String base = baseUrl.get();
        String bearer = token.get();
        if (base == null || bearer == null) {
            throw new IllegalStateException("the bot runtime has no platform URL or token yet");
        }
        return HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest request) {
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        check(response.statusCode(), request.uri().getPath(), response.body());
        return response;
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException("platform not reachable at " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the platform", e);
        }
    }

    private static void check(int status, String path, String body) {
        if (status >= 300) {
            String detail = body == null ? "" : body.length() > 500 ? body.substring(0, 500) : body;
            throw new PlatformException(status, "platform answered " + status + " on " + path + ": " + detail);
        }
    }

    private JsonNode readJson(HttpResponse<String> response) {
        try {
            return response.body() == null || response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("platform answered with invalid JSON", e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
