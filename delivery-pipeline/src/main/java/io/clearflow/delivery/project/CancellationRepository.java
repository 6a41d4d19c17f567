package io.clearflow.delivery.project;

import static io.clearflow.delivery.jdbc.StateRows.instant;
import static io.clearflow.delivery.jdbc.StateRows.utc;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_project_cancellation}. */
@Repository
class CancellationRepository {

    record Cancellation(String reason, String cancelledBy, Instant cancelledAt) { }

    private final JdbcTemplate jdbc;

    CancellationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long projectId, String reason, String by, Instant now) {
        jdbc.update("INSERT INTO del_project_cancellation (project_id, reason, cancelled_by, cancelled_at) VALUES (?, ?, ?, ?)",
                projectId, reason, by, utc(now));
    }

    Optional<Cancellation> of(long projectId) {
        return jdbc.query("SELECT reason, cancelled_by, cancelled_at FROM del_project_cancellation WHERE project_id = ?",
                (rs, n) -> new Cancellation(rs.getString("reason"), rs.getString("cancelled_by"),
                        instant(rs, "cancelled_at")), projectId).stream().findFirst();
    }
}
