package io.clearflow.delivery.defect;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a system's defects are in Jira ({@code clearflow.delivery.defects.*}).
 *
 * @param jiraProjects system code to Jira project key; a system not listed uses its code in upper case
 * @param phase        test-metrics phase of defects found while a version is in test
 */
@ConfigurationProperties("clearflow.delivery.defects")
record DefectProperties(Map<String, String> jiraProjects, String phase) {

    DefectProperties {
        jiraProjects = jiraProjects == null ? Map.of() : Map.copyOf(jiraProjects);
        phase = phase == null || phase.isBlank() ? "integration" : phase;
    }

    String jiraProject(String system) {
        return jiraProjects.getOrDefault(system, system.toUpperCase(Locale.ROOT));
    }
}
