package io.clearflow.demand.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.function.Consumer;

/**
 * Typed client of Jira's REST API: Jira Cloud (v3: rich-text bodies in Atlassian Document Format,
 * {@code /search/jql} with {@code nextPageToken}) and Server/Data Center (v2: plain-text bodies,
 * {@code /search} with {@code startAt}). Authenticates with an API token (Basic) or a personal
 * access token (Bearer). Honours 429 Retry-After and backs off exponentially on 5xx and connection
 * errors, up to {@code maxAttempts}; then throws {@link JiraException.Unavailable}.
 */
public class JiraClient {

    /** A new issue. {@code demandFieldValue} goes into the configured demand field, if any. */
    public record NewIssue(String summary, String description, List<String> labels, String demandFieldValue) { }

    public record IssueRef(String id, String key) { }

    /** An issue as the sync reads it: status name and category, labels. Unknown fields are ignored. */
    public record Issue(String id, String key, String status, String statusCategory, List<String> labels) { }

    public record Transition(String id, String name, String toStatus) { }

    /** One page of a search: its issues, and how to ask for the next one ({@code null} when last). */
    public record Page(List<Issue> issues, String next) { }

    private static final List<String> SEARCH_FIELDS = List.of("status", "labels");

    private final JiraProperties properties;
    private final ObjectMapper json;
    private final HttpClient http;
    private final String base;

    public JiraClient(JiraProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        String url = properties.baseUrl();
        this.base = (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/rest/api/" + properties.apiVersion();
    }

    public IssueRef createIssue(NewIssue issue) {
        ObjectNode fields = json.createObjectNode();
        fields.putObject("project").put("key", properties.project());
        fields.putObject("issuetype").put("name", properties.issueType());
        fields.put("summary", issue.summary());
        if (issue.description() != null) {
            fields.set("description", richText(issue.description()));
        }
        ArrayNode labels = fields.putArray("labels");
        issue.labels().forEach(labels::add);
        if (properties.demandField() != null && !properties.demandField().isBlank() && issue.demandFieldValue() != null) {
            fields.put(properties.demandField(), issue.demandFieldValue());
        }
        ObjectNode body = json.createObjectNode();
        body.set("fields", fields);
        JsonNode created = send("POST", "/issue", body);
        return new IssueRef(created.path("id").asText(), created.path("key").asText());
    }

    /** One page of issues matching the JQL; {@code next} is null for the first page. */
    public Page search(String jql, String next) {
        RawPage page = searchFields(jql, next, SEARCH_FIELDS);
        return new Page(issues(page.issues()), page.next());
    }

    /** One page of a search as Jira's issue JSON, for readers of other fields (defects: priority, versions). */
    public record RawPage(List<JsonNode> issues, String next) { }

    /** One page of issues matching the JQL with the given fields; {@code next} is null for the first page. */
    public RawPage searchFields(String jql, String next, List<String> wantedFields) {
        int size = properties.pageSize();
        if (properties.flavour() == JiraProperties.Flavour.CLOUD) {
            ObjectNode body = json.createObjectNode();
            body.put("jql", jql);
            body.put("maxResults", size);
            ArrayNode fields = body.putArray("fields");
            wantedFields.forEach(fields::add);
            if (next != null) {
                body.put("nextPageToken", next);
            }
            JsonNode page = send("POST", "/search/jql", body);
            List<JsonNode> issues = new ArrayList<>();
            page.path("issues").forEach(issues::add);
            boolean last = page.path("isLast").asBoolean(!page.hasNonNull("nextPageToken")) || issues.isEmpty();
            return new RawPage(issues, last ? null : page.path("nextPageToken").asText());
        }
        int startAt = next == null ? 0 : Integer.parseInt(next);
        JsonNode page = send("GET", "/search?jql=" + encode(jql) + "&startAt=" + startAt + "&maxResults=" + size
                + "&fields=" + String.join(",", wantedFields), null);
        List<JsonNode> issues = new ArrayList<>();
        page.path("issues").forEach(issues::add);
        int seen = page.path("startAt").asInt(startAt) + issues.size();
        boolean last = issues.isEmpty() || seen >= page.path("total").asInt(0);
        return new RawPage(issues, last ? null : String.valueOf(seen));
    }

    /** Every issue matching the JQL, page by page; only one page is held in memory. Returns the page count. */
    public int searchAll(String jql, Consumer<List<Issue>> eachPage) {
        String next = null;
        int pages = 0;
        do {
            Page page = search(jql, next);
            pages++;
            if (!page.issues().isEmpty()) {
                eachPage.accept(page.issues());
            }
            next = page.next();
        } while (next != null);
        return pages;
    }

    public List<Transition> transitions(String issueKey) {
        JsonNode body = send("GET", "/issue/" + encode(issueKey) + "/transitions", null);
        List<Transition> result = new ArrayList<>();
        body.path("transitions").forEach(t -> result.add(new Transition(t.path("id").asText(), t.path("name").asText(),
                t.path("to").path("name").asText(null))));
        return result;
    }

    public void transition(String issueKey, String transitionId) {
        ObjectNode body = json.createObjectNode();
        body.putObject("transition").put("id", transitionId);
        send("POST", "/issue/" + encode(issueKey) + "/transitions", body);
    }

    public void addComment(String issueKey, String text) {
        ObjectNode body = json.createObjectNode();
        body.set("body", richText(text));
        send("POST", "/issue/" + encode(issueKey) + "/comment", body);
    }

    /** v3 wants Atlassian Document Format, v2 plain text. */
    private JsonNode richText(String text) {
        if (properties.flavour() == JiraProperties.Flavour.SERVER) {
            return json.getNodeFactory().textNode(text);
        }
        ObjectNode doc = json.createObjectNode().put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        for (String paragraph : text.split("\n")) {
            ObjectNode p = content.addObject().put("type", "paragraph");
            if (!paragraph.isEmpty()) {
                p.putArray("content").addObject().put("type", "text").put("text", paragraph);
            }
        }
        return doc;
    }

    private List<Issue> issues(List<JsonNode> page) {
        List<Issue> issues = new ArrayList<>();
        for (JsonNode i : page) {
            JsonNode status = i.path("fields").path("status");
            List<String> labels = new ArrayList<>();
            i.path("fields").path("labels").forEach(l -> labels.add(l.asText()));
            issues.add(new Issue(i.path("id").asText(), i.path("key").asText(), status.path("name").asText(null),
                    status.path("statusCategory").path("key").asText(null), labels));
        }
        return issues;
    }

    private JsonNode send(String method, String path, JsonNode body) {
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
    private java.util.Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                Duration d = Duration.ofSeconds(Long.parseLong(v.strip()));
                return java.util.Optional.of(d.compareTo(properties.maxRetryAfter()) > 0 ? properties.maxRetryAfter() : d);
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
