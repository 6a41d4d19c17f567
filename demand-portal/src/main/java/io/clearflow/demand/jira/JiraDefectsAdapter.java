package io.clearflow.demand.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.clearflow.demand.api.JiraDefects;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** {@link JiraDefects} over the portal's {@link JiraClient} (present only when Jira is configured). */
@Component
class JiraDefectsAdapter implements JiraDefects {

    /** Jira's timestamps: {@code 2026-12-01T09:15:00.000+0800}. */
    static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    /** Project keys and version names go into JQL inside quotes; these are the only characters we let in. */
    static final Pattern PROJECT = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+ -]{0,63}");

    private final ObjectProvider<JiraClient> client;
    private final JiraDefectProperties properties;

    JiraDefectsAdapter(ObjectProvider<JiraClient> client, JiraDefectProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    @Override
    public boolean configured() {
        return client.getIfAvailable() != null;
    }

    @Override
    public List<Defect> foundIn(String jiraProject, String version) {
        JiraClient jira = client.getIfAvailable();
        if (jira == null) {
            throw new Unavailable("Jira is not configured", null);
        }
        if (!PROJECT.matcher(jiraProject).matches() || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("not a Jira project key or version name: " + jiraProject + " " + version);
        }
        String jql = "project = \"" + jiraProject + "\" AND issuetype = \"" + properties.issueType() + "\" AND "
                + properties.foundInJql() + " = \"" + version + "\" ORDER BY key";
        List<String> fields = List.of("summary", "status", "created", "resolutiondate", properties.severityField());
        List<Defect> defects = new ArrayList<>();
        try {
            String next = null;
            do {
                JiraClient.RawPage page = jira.searchFields(jql, next, fields);
                page.issues().forEach(issue -> defects.add(defect(issue)));
                next = page.next();
            } while (next != null);
        } catch (JiraException e) {
            throw new Unavailable(e.getMessage(), e);
        }
        return defects;
    }

    private Defect defect(JsonNode issue) {
        JsonNode fields = issue.path("fields");
        JsonNode severity = fields.path(properties.severityField());
        // priority is an object with a name; a custom select field has a value; a text field is the text
        String value = severity.isTextual() ? severity.asText()
                : severity.hasNonNull("name") ? severity.path("name").asText() : severity.path("value").asText(null);
        String mapped = value == null ? properties.unmappedSeverity()
                : properties.severityMapping().getOrDefault(value, properties.unmappedSeverity());
        boolean open = !"done".equals(fields.path("status").path("statusCategory").path("key").asText(""));
        return new Defect(issue.path("key").asText(), fields.path("summary").asText(""), mapped, open,
                time(fields.path("created").asText(null)), time(fields.path("resolutiondate").asText(null)));
    }

    private static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, JIRA_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null; // a missing time only costs a metric, never the defect
        }
    }
}
