package io.clearflow.delivery.defect;

import io.clearflow.delivery.version.VersionRef;
import io.clearflow.delivery.version.Versions;
import io.clearflow.demand.api.JiraDefects;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.testmetrics.api.DefectRecord;
import io.clearflow.testmetrics.api.TestEvidence;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a version's defects from Jira (through demand-portal's Jira connection) into test metrics, where the
 * exit criteria count the open ones. Jira is read completely before anything is written, so Jira failing
 * half-way leaves test metrics as it was.
 */
@Service
@EnableConfigurationProperties(DefectProperties.class)
public class DefectSync {

    /** Jira project keys: a letter, then letters, digits or underscores (checked again by demand-portal). */
    static final java.util.regex.Pattern JIRA_PROJECT_KEY = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private final JiraDefects jira;
    private final TestEvidence evidence;
    private final Versions versions;
    private final DefectProperties properties;

    DefectSync(JiraDefects jira, TestEvidence evidence, Versions versions, DefectProperties properties) {
        this.jira = jira;
        this.evidence = evidence;
        this.versions = versions;
        this.properties = properties;
    }

    /** What a sync read: defects written, and how many of them are open. */
    public record Outcome(String jiraProject, int defects, long open) { }

    @Transactional
    public Outcome sync(Member actor, long versionId) {
        VersionRef version = versions.find(versionId)
                .orElseThrow(() -> new NotFoundException("version", String.valueOf(versionId)));
        if (!jira.configured()) {
            throw new ConflictException("delivery.defects.notConfigured");
        }
        String project = properties.jiraProject(version.system());
        if (!JIRA_PROJECT_KEY.matcher(project).matches()) {
            // e.g. a system code with a hyphen: its Jira key must be configured, never guessed into the JQL
            throw new ConflictException("delivery.defects.noJiraProject", version.system());
        }
        List<JiraDefects.Defect> defects = jira.foundIn(project, version.version());
        List<DefectRecord> records = defects.stream().map(d -> new DefectRecord(d.key(), version.version(), d.title(),
                d.severity(), properties.phase(), d.open(), null, d.createdAt(), d.resolvedAt())).toList();
        if (!records.isEmpty()) {
            evidence.recordDefects(version.system(), records);
        }
        long open = defects.stream().filter(JiraDefects.Defect::open).count();
        versions.record(versionId, "defects.synced", actor.userId(), project + ": " + defects.size() + " / " + open, null);
        return new Outcome(project, defects.size(), open);
    }
}
