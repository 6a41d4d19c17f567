package io.clearflow.engine.governance.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code gov_scenario}; a scenario is read with its active version and design validity. */
@Repository("governanceScenarioRepository") // qualified: other modules have repositories of common names
class ScenarioRepository {

    private static final String SELECT = "SELECT s.*, "
            + "(SELECT MAX(v.version_no) FROM gov_version v WHERE v.scenario_id = s.id) AS active_version, "
            + "(SELECT d.valid FROM gov_design d WHERE d.scenario_id = s.id AND d.status = 'current') AS design_valid "
            + "FROM gov_scenario s ";

    private final JdbcTemplate jdbc;

    ScenarioRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first. */
    List<Scenario> all() {
        return jdbc.query(SELECT + "ORDER BY s.created_at DESC, s.id", ScenarioRepository::map);
    }

    Optional<Scenario> find(String id) {
        return jdbc.query(SELECT + "WHERE s.id = ?", ScenarioRepository::map, id).stream().findFirst();
    }

    Optional<Scenario> byProcessKey(String processKey) {
        return jdbc.query(SELECT + "WHERE s.process_key = ?", ScenarioRepository::map, processKey).stream().findFirst();
    }

    void insert(String id, ScenarioInput in, String recommendedMode, String createdBy, Instant at) {
        Timestamp now = Timestamp.from(at);
        jdbc.update("INSERT INTO gov_scenario (id, name, description, source_type, source_reference, owner_department, "
                        + "business_category, characteristics, direct_integration, recommended_mode, created_by, created_at, "
                        + "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                id, in.name(), in.description(), in.sourceType(), in.sourceReference(), in.ownerDepartment(),
                in.businessCategory(), String.join(",", in.characteristics()), false, recommendedMode, createdBy, now, now);
    }

    void updateIdentification(String id, ScenarioInput in, String recommendedMode, Instant at) {
        jdbc.update("UPDATE gov_scenario SET name = ?, description = ?, source_type = ?, source_reference = ?, "
                        + "owner_department = ?, business_category = ?, characteristics = ?, recommended_mode = ?, updated_at = ? "
                        + "WHERE id = ?",
                in.name(), in.description(), in.sourceType(), in.sourceReference(), in.ownerDepartment(),
                in.businessCategory(), String.join(",", in.characteristics()), recommendedMode, Timestamp.from(at), id);
    }

    /** {@code reason} only when the scenario goes to direct integration; {@code null} when it is suitable again. */
    void setDirectIntegration(String id, boolean direct, String reason, Instant at) {
        jdbc.update("UPDATE gov_scenario SET direct_integration = ?, integration_reason = ?, updated_at = ? WHERE id = ?",
                direct, reason, Timestamp.from(at), id);
    }

    void classify(String id, String mode, String reason, String recommendedMode, String by, Instant at) {
        jdbc.update("UPDATE gov_scenario SET mode = ?, mode_reason = ?, recommended_mode = ?, classified_by = ?, "
                        + "classified_at = ?, updated_at = ? WHERE id = ?",
                mode, reason, recommendedMode, by, Timestamp.from(at), Timestamp.from(at), id);
    }

    /** The process key the scenario's published versions are deployed under. */
    void setProcessKey(String id, String processKey, Instant at) {
        jdbc.update("UPDATE gov_scenario SET process_key = ?, updated_at = ? WHERE id = ?", processKey, Timestamp.from(at), id);
    }

    private static Scenario map(ResultSet rs, int row) throws SQLException {
        String characteristics = rs.getString("characteristics");
        Object activeVersion = rs.getObject("active_version");
        Object designValid = rs.getObject("design_valid");
        return new Scenario(rs.getString("id"), rs.getString("name"), rs.getString("description"),
                rs.getString("source_type"), rs.getString("source_reference"), rs.getString("owner_department"),
                rs.getString("business_category"),
                characteristics == null || characteristics.isBlank() ? List.of() : Arrays.asList(characteristics.split(",")),
                rs.getBoolean("direct_integration"), rs.getString("integration_reason"), rs.getString("recommended_mode"),
                rs.getString("mode"), rs.getString("mode_reason"), rs.getString("classified_by"),
                instant(rs.getTimestamp("classified_at")), rs.getString("process_key"), rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                activeVersion == null ? null : ((Number) activeVersion).intValue(),
                designValid == null ? null : (Boolean) designValid);
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
