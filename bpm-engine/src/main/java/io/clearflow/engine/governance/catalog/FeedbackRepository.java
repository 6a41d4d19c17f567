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

/** Every statement on {@code gov_feedback}: ratings of processes, given from their cases. */
@Repository("governanceFeedbackRepository") // qualified: other modules have repositories of common names
class FeedbackRepository {

    private final JdbcTemplate jdbc;

    FeedbackRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The new feedback's id. */
    long insert(String processKey, String processDefinitionId, String caseId, String taskName, int rating,
                String comment, String by, String department, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO gov_feedback (process_key, process_definition_id, case_id, "
                    + "task_name, rating, comment, created_by, department, created_at) VALUES (?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, processKey);
            ps.setString(2, processDefinitionId);
            ps.setString(3, caseId);
            ps.setString(4, taskName);
            ps.setInt(5, rating);
            ps.setString(6, comment);
            ps.setString(7, by);
            ps.setString(8, department);
            ps.setTimestamp(9, Timestamp.from(at));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    Optional<Feedback> find(long id) {
        return jdbc.query("SELECT * FROM gov_feedback WHERE id = ?", FeedbackRepository::map, id).stream().findFirst();
    }

    /** Newest first. */
    List<Feedback> onProcess(String processKey) {
        return jdbc.query("SELECT * FROM gov_feedback WHERE process_key = ? ORDER BY id DESC", FeedbackRepository::map,
                processKey);
    }

    /** Newest first. */
    List<Feedback> all() {
        return jdbc.query("SELECT * FROM gov_feedback ORDER BY id DESC", FeedbackRepository::map);
    }

    /** {@code null} without feedback. */
    Double averageRating(String processKey) {
        return jdbc.queryForObject("SELECT AVG(CAST(rating AS DECIMAL(5,2))) FROM gov_feedback WHERE process_key = ?",
                (rs, i) -> rs.getObject(1) == null ? null : rs.getDouble(1), processKey);
    }

    private static Feedback map(ResultSet rs, int row) throws SQLException {
        return new Feedback(rs.getLong("id"), rs.getString("process_key"), rs.getString("process_definition_id"),
                rs.getString("case_id"), rs.getString("task_name"), rs.getInt("rating"), rs.getString("comment"),
                rs.getString("created_by"), rs.getString("department"), rs.getTimestamp("created_at").toInstant());
    }
}
