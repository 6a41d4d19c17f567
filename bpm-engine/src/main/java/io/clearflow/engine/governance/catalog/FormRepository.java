package io.clearflow.engine.governance.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code gov_form}: the forms being designed, one per activity, stored as JSON. */
@Repository("governanceFormRepository") // qualified: other modules have repositories of common names
class FormRepository {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    FormRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Replaces the activity's form, or adds it. */
    void save(String scenarioId, String activityId, String definitionJson, String by, Instant at) {
        Timestamp now = Timestamp.from(at);
        int updated = jdbc.update("UPDATE gov_form SET definition = ?, updated_by = ?, updated_at = ? WHERE scenario_id = ? "
                + "AND activity_id = ?", definitionJson, by, now, scenarioId, activityId);
        if (updated == 0) {
            jdbc.update("INSERT INTO gov_form (scenario_id, activity_id, definition, updated_by, updated_at) VALUES (?,?,?,?,?)",
                    scenarioId, activityId, definitionJson, by, now);
        }
    }

    /** Whether there was a form to delete. */
    boolean delete(String scenarioId, String activityId) {
        return jdbc.update("DELETE FROM gov_form WHERE scenario_id = ? AND activity_id = ?", scenarioId, activityId) > 0;
    }

    /** By activity id. */
    List<StoredForm> of(String scenarioId) {
        return jdbc.query("SELECT * FROM gov_form WHERE scenario_id = ? ORDER BY activity_id", (rs, i) ->
                new StoredForm(rs.getString("scenario_id"), rs.getString("activity_id"), read(rs.getString("definition")),
                        rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()), scenarioId);
    }

    /** The stored JSON, activity id → definition, as a version snapshot compares it. */
    Map<String, String> definitions(String scenarioId) {
        Map<String, String> byActivity = new LinkedHashMap<>();
        jdbc.query("SELECT activity_id, definition FROM gov_form WHERE scenario_id = ? ORDER BY activity_id",
                rs -> { byActivity.put(rs.getString(1), rs.getString(2)); }, scenarioId);
        return byActivity;
    }

    private FormDefinition read(String text) {
        try {
            return json.readValue(text, FormDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored form definition unreadable", e);
        }
    }
}
