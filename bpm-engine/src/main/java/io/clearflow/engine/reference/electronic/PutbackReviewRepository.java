package io.clearflow.engine.reference.electronic;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code cf_putback_review}: one opinion per review step taken. */
@Repository
class PutbackReviewRepository {

    private final JdbcTemplate jdbc;

    PutbackReviewRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long registrationId, String step, String stepName, String reviewer, String department, boolean approved,
                String opinion, Instant at) {
        jdbc.update("INSERT INTO cf_putback_review (registration_id, step, step_name, reviewer, department, approved, "
                        + "opinion, reviewed_at) VALUES (?,?,?,?,?,?,?,?)", registrationId, step, stepName, reviewer,
                department, approved, opinion, Timestamp.from(at));
    }

    /** In the order they were given. */
    List<PutbackRegistration.Review> of(long registrationId) {
        return jdbc.query("SELECT * FROM cf_putback_review WHERE registration_id = ? ORDER BY id",
                (rs, i) -> new PutbackRegistration.Review(rs.getString("step"), rs.getString("step_name"),
                        rs.getString("reviewer"), rs.getString("department"), rs.getBoolean("approved"),
                        rs.getString("opinion"), rs.getTimestamp("reviewed_at").toInstant()), registrationId);
    }

    /** Whether the reviewer already took another step of this registration (four eyes). */
    boolean reviewedOtherStep(long registrationId, String reviewer, String step) {
        Integer otherSteps = jdbc.queryForObject("SELECT COUNT(*) FROM cf_putback_review WHERE registration_id = ? "
                + "AND reviewer = ? AND step <> ?", Integer.class, registrationId, reviewer, step);
        return otherSteps != null && otherSteps > 0;
    }
}
