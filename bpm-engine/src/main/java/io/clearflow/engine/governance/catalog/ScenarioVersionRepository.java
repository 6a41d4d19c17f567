package io.clearflow.engine.governance.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code gov_version}: one row per publication of a scenario's process. */
@Repository
class ScenarioVersionRepository {

    private final JdbcTemplate jdbc;

    ScenarioVersionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first, without their changes (those are computed from the models). */
    List<Version> of(String scenarioId) {
        return jdbc.query("SELECT * FROM gov_version WHERE scenario_id = ? ORDER BY version_no DESC",
                ScenarioVersionRepository::map, scenarioId);
    }

    boolean existsForDefinition(String processDefinitionId) {
        Integer versions = jdbc.queryForObject("SELECT COUNT(*) FROM gov_version WHERE process_definition_id = ?",
                Integer.class, processDefinitionId);
        return versions != null && versions > 0;
    }

    /** Marks the scenario's active version superseded: a new one is about to be published. */
    void supersedeActive(String scenarioId, Instant at) {
        jdbc.update("UPDATE gov_version SET superseded_at = ? WHERE scenario_id = ? AND superseded_at IS NULL",
                Timestamp.from(at), scenarioId);
    }

    void insert(String scenarioId, int versionNo, long designId, String deploymentId, String processDefinitionId,
                String runningInstances, String migrationResult, String publishedBy, Instant at) {
        jdbc.update("INSERT INTO gov_version (scenario_id, version_no, design_id, deployment_id, process_definition_id, "
                        + "running_instances, migration_result, published_by, published_at) VALUES (?,?,?,?,?,?,?,?,?)",
                scenarioId, versionNo, designId, deploymentId, processDefinitionId, runningInstances, migrationResult,
                publishedBy, Timestamp.from(at));
    }

    private static Version map(ResultSet rs, int row) throws SQLException {
        return new Version(rs.getLong("id"), rs.getString("scenario_id"), rs.getInt("version_no"), rs.getLong("design_id"),
                rs.getString("deployment_id"), rs.getString("process_definition_id"), rs.getString("running_instances"),
                rs.getString("migration_result"), rs.getString("published_by"),
                ScenarioRepository.instant(rs.getTimestamp("published_at")),
                ScenarioRepository.instant(rs.getTimestamp("superseded_at")), List.of());
    }
}
