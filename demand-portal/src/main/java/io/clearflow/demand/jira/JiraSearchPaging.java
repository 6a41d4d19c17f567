package io.clearflow.demand.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Paging of a JQL search, which the two Jira flavours do differently: Cloud posts to {@code /search/jql} and
 * continues with {@code nextPageToken}; Server/Data Center gets {@code /search} and continues with {@code startAt}.
 * Either way the caller holds an opaque {@code next} (null: first page; returned null: last page).
 */
class JiraSearchPaging {

    private final JiraProperties properties;
    private final ObjectMapper json;
    private final JiraTransport transport;

    JiraSearchPaging(JiraProperties properties, ObjectMapper json, JiraTransport transport) {
        this.properties = properties;
        this.json = json;
        this.transport = transport;
    }

    JiraClient.RawPage page(String jql, String next, List<String> wantedFields) {
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
            JsonNode page = transport.send("POST", "/search/jql", body);
            List<JsonNode> issues = new ArrayList<>();
            page.path("issues").forEach(issues::add);
            boolean last = page.path("isLast").asBoolean(!page.hasNonNull("nextPageToken")) || issues.isEmpty();
            return new JiraClient.RawPage(issues, last ? null : page.path("nextPageToken").asText());
        }
        int startAt = next == null ? 0 : Integer.parseInt(next);
        JsonNode page = transport.send("GET", "/search?jql=" + JiraIssueJson.encode(jql) + "&startAt=" + startAt
                + "&maxResults=" + size + "&fields=" + String.join(",", wantedFields), null);
        List<JsonNode> issues = new ArrayList<>();
        page.path("issues").forEach(issues::add);
        int seen = page.path("startAt").asInt(startAt) + issues.size();
        boolean last = issues.isEmpty() || seen >= page.path("total").asInt(0);
        return new JiraClient.RawPage(issues, last ? null : String.valueOf(seen));
    }
}
