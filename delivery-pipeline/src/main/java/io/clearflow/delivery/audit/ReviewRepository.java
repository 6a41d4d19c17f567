package io.clearflow.delivery.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_audit_review}. */
@Repository
class ReviewRepository {

    record Review(long auditId, String module, String reviewer, Instant at) {
    }

    private final JdbcTemplate jdbc;

    ReviewRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long auditId, String system, String module, String reviewer, String by, Instant now) {
        jdbc.update("INSERT INTO del_audit_review (audit_id, system_code, module, reviewer, assigned_by, assigned_at) "
                + "VALUES (?,?,?,?,?,?)", auditId, system, module, reviewer, by, Timestamp.from(now));
    }

    List<Review> ofModule(String system, String module) {
        return jdbc.query("SELECT audit_id, module, reviewer, assigned_at FROM del_audit_review WHERE system_code = ? "
                + "AND module = ? ORDER BY id", (rs, i) -> new Review(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant()), system, module);
    }

    List<Review> ofAudit(long auditId) {
        return jdbc.query("SELECT audit_id, module, reviewer, assigned_at FROM del_audit_review WHERE audit_id = ? ORDER BY id",
                (rs, i) -> new Review(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()), auditId);
    }
}
