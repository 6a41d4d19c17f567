package io.clearflow.demand.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP side of {@link JiraClient}: one JSON call against {@code /rest/api/<version>}, authenticated with an API
 * token (Basic) or a personal access token (Bearer). Honours 429 Retry-After and backs off exponentially on 5xx and
 * connection errors, up to {@code maxAttempts}; then throws {@link JiraException.Unavailable}. Other answers map to
 * the {@link JiraException} kinds, with Jira's error messages.
 */
class JiraTransport {

    private final JiraProperties properties;
    private final ObjectMapper json;
    private final HttpClient http;
    private final String base;

    JiraTransport(JiraProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        String url = properties.baseUrl();
        this.base = (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/rest/api/" + properties.apiVersion();
    }

    /** Sends the body (null: none) and returns Jira's answer; an empty answer reads as an empty object. */
    JsonNode send(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(properties.timeout())
                .header("Accept", "application/json")
                .header("Authorization", authorization());
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        int attempts = Math.max(1, properties.maxAttempts());
        JiraException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                last = new JiraException.Unavailable(0, "Jira unreachable: " + e, e);
                pause(backoff(attempt), attempt, attempts);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JiraException.Unavailable(0, "interrupted", e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response.body() == null || response.body().isBlank() ? json.createObjectNode() : read(response.body());
            }
            String message = method + " " + path + " -> " + status + ": " + errorText(response.body());
            if (status == 429) {
                last = new JiraException.Unavailable(status, message, null);
                pause(retryAfter(response).orElse(backoff(attempt)), attempt, attempts);
            } else if (status >= 500) {
                last = new JiraException.Unavailable(status, message, null);
                pause(backoff(attempt), attempt, attempts);
            } else if (status == 401 || status == 403) {
                throw new JiraException.Unauthorized(status, message);
            } else if (status == 404) {
                throw new JiraException.NotFound(message);
            } else {
                throw new JiraException.Rejected(message, fieldErrors(response.body()));
            }
        }
        throw last;
    }

    private void pause(Duration delay, int attempt, int attempts) {
        if (attempt >= attempts) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JiraException.Unavailable(0, "interrupted", e);
        }
    }

    private Duration backoff(int attempt) {
        return properties.backoff().multipliedBy(1L << Math.min(attempt - 1, 6));
    }

    /** Retry-After in seconds (Jira's form); longer than the client's patience means give up now. */
    private Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                Duration d = Duration.ofSeconds(Long.parseLong(v.strip()));
                return Optional.of(d.compareTo(properties.maxRetryAfter()) > 0 ? properties.maxRetryAfter() : d);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private String authorization() {
        if (properties.personalAccessToken() != null && !properties.personalAccessToken().isBlank()) {
            return "Bearer " + properties.personalAccessToken();
        }
        String user = properties.userEmail() == null ? "" : properties.userEmail();
        String token = properties.apiToken() == null ? "" : properties.apiToken();
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new JiraException.Unavailable(200, "Jira answered something that is not JSON", e);
        }
    }

    /** Jira's error body: {"errorMessages":[...],"errors":{"field":"message"}}. */
    private String errorText(String body) {
        Map<String, String> fields = fieldErrors(body);
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            List<String> messages = new ArrayList<>();
            node.path("errorMessages").forEach(m -> messages.add(m.asText()));
            if (!fields.isEmpty()) {
                messages.add(fields.toString());
            }
            return messages.isEmpty() ? abbreviate(body) : String.join("; ", messages);
        } catch (IOException | RuntimeException e) {
            return abbreviate(body);
        }
    }

    private Map<String, String> fieldErrors(String body) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            json.readTree(body == null ? "" : body).path("errors").fields()
                    .forEachRemaining(e -> errors.put(e.getKey(), e.getValue().asText()));
        } catch (IOException | RuntimeException e) {
            // not Jira's error shape: the message carries the raw body
        }
        return errors;
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
