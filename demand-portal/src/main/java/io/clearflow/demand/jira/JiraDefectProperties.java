package io.clearflow.demand.jira;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Jira issues become test-metrics defects ({@code clearflow.demand.jira.defects.*}).
 *
 * @param issueType       Jira issue type of defects (default {@code Bug})
 * @param foundInField    field naming the version a defect was found in: {@code versions} (Jira's "Affects
 *                        versions", the default), {@code fixVersions}, or a custom field {@code customfield_N}
 * @param severityField   field carrying the severity: {@code priority} (default) or a custom select field
 * @param severityMapping field value (e.g. Jira's standard priorities Highest…Lowest, or Blocker…Trivial) to
 *                        blocker, critical, major, minor, trivial
 * @param unmappedSeverity severity of a value the mapping does not know; major by default, so that an
 *                        unknown priority holds the exit gate rather than slipping through it
 */
@ConfigurationProperties("clearflow.demand.jira.defects")
public record JiraDefectProperties(String issueType, String foundInField, String severityField,
                                   Map<String, String> severityMapping, String unmappedSeverity) {

    public JiraDefectProperties {
        issueType = blank(issueType) ? "Bug" : issueType;
        foundInField = blank(foundInField) ? "versions" : foundInField;
        severityField = blank(severityField) ? "priority" : severityField;
        severityMapping = severityMapping == null || severityMapping.isEmpty() ? Map.of("Highest", "critical",
                "High", "major", "Medium", "minor", "Low", "trivial", "Lowest", "trivial", "Blocker", "blocker",
                "Critical", "critical", "Major", "major", "Minor", "minor", "Trivial", "trivial")
                : Map.copyOf(severityMapping);
        unmappedSeverity = blank(unmappedSeverity) ? "major" : unmappedSeverity;
    }

    /** The JQL name of the "found in" field: Jira's JQL calls {@code versions} affectedVersion. */
    String foundInJql() {
        return switch (foundInField) {
            case "versions" -> "affectedVersion";
            case "fixVersions" -> "fixVersion";
            default -> foundInField.startsWith("customfield_") ? "cf[" + foundInField.substring(12) + "]" : foundInField;
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
