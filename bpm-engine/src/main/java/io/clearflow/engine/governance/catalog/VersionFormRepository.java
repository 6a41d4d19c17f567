package io.clearflow.engine.governance.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code gov_version_form}: the forms a version was published with. */
@Repository("governanceVersionFormRepository") // qualified: other modules have repositories of common names
class VersionFormRepository {

    /** A published form as stored: its version and its JSON definition. */
    record Row(long versionId, String definition) { }

    private final JdbcTemplate jdbc;

    VersionFormRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Copies the scenario's current forms ({@code gov_form}) into the version, in one statement. */
    void snapshot(long versionId, String scenarioId) {
        jdbc.update("INSERT INTO gov_version_form (version_id, activity_id, definition) "
                + "SELECT ?, activity_id, definition FROM gov_form WHERE scenario_id = ?", versionId, scenarioId);
    }

    /** The stored JSON, activity id → definition. */
    Map<String, String> definitions(long versionId) {
        Map<String, String> byActivity = new LinkedHashMap<>();
        jdbc.query("SELECT activity_id, definition FROM gov_version_form WHERE version_id = ? ORDER BY activity_id",
                rs -> { byActivity.put(rs.getString(1), rs.getString(2)); }, versionId);
        return byActivity;
    }

    /** The form of an activity in the version deployed as this process definition. */
    Optional<Row> find(String processDefinitionId, String activityId) {
        return jdbc.query("SELECT f.version_id, f.definition FROM gov_version_form f JOIN gov_version v ON v.id = f.version_id "
                        + "WHERE v.process_definition_id = ? AND f.activity_id = ?",
                (rs, i) -> new Row(rs.getLong("version_id"), rs.getString("definition")), processDefinitionId, activityId)
                .stream().findFirst();
    }
}
