package io.clearflow.demand.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Jira's JSON, both ways: the request bodies {@link JiraClient} sends (rich text in Atlassian Document Format for
 * Cloud, plain text for Server) and the typed records it reads from Jira's answers, ignoring unknown fields.
 */
class JiraIssueJson {

    private final JiraProperties properties;
    private final ObjectMapper json;

    JiraIssueJson(JiraProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
    }

    ObjectNode newIssue(JiraClient.NewIssue issue) {
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
        return body;
    }

    ObjectNode transition(String transitionId) {
        ObjectNode body = json.createObjectNode();
        body.putObject("transition").put("id", transitionId);
        return body;
    }

    ObjectNode comment(String text) {
        ObjectNode body = json.createObjectNode();
        body.set("body", richText(text));
        return body;
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

    static JiraClient.IssueRef issueRef(JsonNode created) {
        return new JiraClient.IssueRef(created.path("id").asText(), created.path("key").asText());
    }

    static List<JiraClient.Issue> issues(List<JsonNode> page) {
        List<JiraClient.Issue> issues = new ArrayList<>();
        for (JsonNode i : page) {
            JsonNode status = i.path("fields").path("status");
            List<String> labels = new ArrayList<>();
            i.path("fields").path("labels").forEach(l -> labels.add(l.asText()));
            issues.add(new JiraClient.Issue(i.path("id").asText(), i.path("key").asText(), status.path("name").asText(null),
                    status.path("statusCategory").path("key").asText(null), labels));
        }
        return issues;
    }

    static List<JiraClient.Transition> transitions(JsonNode body) {
        List<JiraClient.Transition> result = new ArrayList<>();
        body.path("transitions").forEach(t -> result.add(new JiraClient.Transition(t.path("id").asText(),
                t.path("name").asText(), t.path("to").path("name").asText(null))));
        return result;
    }

    /** A path or query value; spaces as %20, since a path does not read URLEncoder's '+' as a space. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
