package io.clearflow.engine.governance.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Every statement on {@code gov_improvement} and its link table {@code gov_improvement_feedback}, which
 * has no life of its own: the links are written and read only with their action.
 */
@Repository("governanceImprovementRepository") // qualified: other modules have repositories of common names
class ImprovementRepository {

    private final JdbcTemplate jdbc;

    ImprovementRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new open action linked to the feedback that prompted it; its id. */
    long insert(String scenarioId, String title, String description, String metricRef, List<Long> feedbackIds,
                String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(at);
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO gov_improvement (scenario_id, title, description, metric_ref, "
                    + "status, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, scenarioId);
            ps.setString(2, title);
            ps.setString(3, description);
            ps.setString(4, metricRef);
            ps.setString(5, "open");
            ps.setString(6, by);
            ps.setTimestamp(7, now);
            ps.setTimestamp(8, now);
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        feedbackIds.forEach(f -> jdbc.update("INSERT INTO gov_improvement_feedback (improvement_id, feedback_id) VALUES (?,?)",
                id, f));
        return id;
    }

    void setStatus(long id, String status, Instant at) {
        jdbc.update("UPDATE gov_improvement SET status = ?, updated_at = ? WHERE id = ?", status, Timestamp.from(at), id);
    }

    /** Newest first. */
    List<Improvement> of(String scenarioId) {
        return jdbc.query("SELECT * FROM gov_improvement WHERE scenario_id = ? ORDER BY id DESC", this::map, scenarioId);
    }

    Optional<Improvement> find(long id) {
        return jdbc.query("SELECT * FROM gov_improvement WHERE id = ?", this::map, id).stream().findFirst();
    }

    private Improvement map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<Long> links = jdbc.queryForList("SELECT feedback_id FROM gov_improvement_feedback WHERE improvement_id = ? "
                + "ORDER BY feedback_id", Long.class, id);
        return new Improvement(id, rs.getString("scenario_id"), rs.getString("title"), rs.getString("description"),
                rs.getString("metric_ref"), rs.getString("status"), links, rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
