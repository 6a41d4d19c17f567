package io.clearflow.delivery.execution.jenkins;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * {@link JenkinsClient}'s transport: requests to paths below {@code base-url} with the API token (HTTP Basic), no
 * redirects followed, the crumb fetched when a POST is refused for lack of one, and Jenkins' answers turned into
 * {@link JenkinsException}s (5xx, 429 and no answer: unavailable; other refusals: refused).
 */
final class JenkinsHttp {

    /** An answer as read: status, headers and the whole body. */
    record Response(int status, HttpHeaders headers, byte[] body) {

        String location() {
            return headers.getFirst(HttpHeaders.LOCATION);
        }

        String text() {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            return text.length() > 200 ? text.substring(0, 200) + "…" : text;
        }
    }

    private record Crumb(String field, String value, String cookie) {
    }

    private final ObjectMapper json;
    private final RestClient http;
    private final String base;
    private final Object crumbLock = new Object();
    private volatile Crumb crumb;

    JenkinsHttp(JenkinsProperties properties, RestClient.Builder builder, ObjectMapper json) {
        this.json = json;
        String url = properties.baseUrl().strip();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build());
        factory.setReadTimeout(properties.readTimeout());
        RestClient.Builder configured = builder.clone().requestFactory(factory);
        if (properties.user() != null && !properties.user().isBlank()) {
            String credentials = properties.user() + ":" + (properties.token() == null ? "" : properties.token());
            configured.defaultHeader(HttpHeaders.AUTHORIZATION,
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        this.http = configured.build();
    }

    /** {@code base-url} without a trailing slash. */
    String base() {
        return base;
    }

    /** A GET answered with 2xx or 404 (the caller decides what a 404 means); any other status is a refusal. */
    Response get(String path) {
        Response response = exchange(HttpMethod.GET, path, null, null);
        if (response.status() == 404 || response.status() / 100 == 2) {
            return response;
        }
        throw statusError("GET " + path, response);
    }

    /** A POST; when Jenkins asks for a crumb, fetches one (with its session cookie) and tries once more. */
    Response post(String path, String form) {
        Crumb current = crumb;
        Response response = exchange(HttpMethod.POST, path, form, current);
        if (response.status() == 403 && response.text().toLowerCase().contains("crumb")) {
            synchronized (crumbLock) {
                if (crumb == current) {
                    crumb = fetchCrumb();
                }
                current = crumb;
            }
            response = exchange(HttpMethod.POST, path, form, current);
        }
        return response;
    }

    static Response found(Response response, String what) {
        if (response.status() == 404) {
            throw JenkinsException.refused("Jenkins does not know " + what + " (404)");
        }
        return response;
    }

    JsonNode parse(Response response, String what) {
        try {
            JsonNode node = json.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw JenkinsException.unavailable("Jenkins answered something that is not a JSON object for " + what
                        + ": " + response.text(), null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw JenkinsException.unavailable("Jenkins answered something that is not JSON for " + what + ": "
                    + response.text(), e);
        } catch (IOException e) {
            throw JenkinsException.unavailable("cannot read Jenkins' answer for " + what, e);
        }
    }

    static JenkinsException statusError(String what, Response response) {
        return JenkinsException.refused("Jenkins refused " + what + ": " + response.status()
                + (response.text().isEmpty() ? "" : " " + response.text()));
    }

    private Crumb fetchCrumb() {
        Response response = exchange(HttpMethod.GET, "/crumbIssuer/api/json", null, null);
        if (response.status() / 100 != 2) {
            throw statusError("crumb", response);
        }
        JsonNode node = parse(response, "crumb");
        List<String> cookies = response.headers().getOrEmpty(HttpHeaders.SET_COOKIE);
        String cookie = cookies.stream().map(c -> c.split(";", 2)[0].strip()).filter(c -> c.contains("="))
                .collect(Collectors.joining("; "));
        return new Crumb(node.path("crumbRequestField").asText("Jenkins-Crumb"), node.path("crumb").asText(),
                cookie.isEmpty() ? null : cookie);
    }

    private Response exchange(HttpMethod method, String path, String form, Crumb withCrumb) {
        try {
            RestClient.RequestBodySpec request = http.method(method).uri(URI.create(base + path))
                    .accept(MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL);
            if (withCrumb != null) {
                request.header(withCrumb.field(), withCrumb.value());
                if (withCrumb.cookie() != null) {
                    request.header(HttpHeaders.COOKIE, withCrumb.cookie());
                }
            }
            if (form != null) {
                request.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form);
            }
            Response response = request.exchange((req, res) -> new Response(res.getStatusCode().value(), res.getHeaders(),
                    res.getBody().readAllBytes()), true);
            if (response.status() / 100 == 5 || response.status() == 429) {
                throw JenkinsException.unavailable("Jenkins answered " + response.status() + " to " + method + " " + path, null);
            }
            return response;
        } catch (ResourceAccessException e) {
            throw JenkinsException.unavailable("Jenkins is unreachable (" + rootMessage(e) + ")", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
