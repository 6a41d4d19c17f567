package io.clearflow.delivery.audit;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_audit}. */
@Repository
class AuditRepository {

    private static final RowMapper<Audit> ROW = (rs, i) -> new Audit(rs.getLong("id"), rs.getLong("version_id"),
            rs.getString("system_code"), rs.getString("version_label"), rs.getString("state"), rs.getString("created_by"),
            rs.getTimestamp("created_at").toInstant(), rs.getString("completed_by"),
            rs.getTimestamp("completed_at") == null ? null : rs.getTimestamp("completed_at").toInstant(),
            rs.getString("opinion"));

    private final JdbcTemplate jdbc;

    AuditRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long versionId, String system, String version, String createdBy, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("INSERT INTO del_audit (version_id, system_code, version_label, "
                    + "state, created_by, created_at) VALUES (?,?,?,?,?,?)", new String[] {"id"});
            ps.setLong(1, versionId);
            ps.setString(2, system);
            ps.setString(3, version);
            ps.setString(4, Audit.OPEN);
            ps.setString(5, createdBy);
            ps.setTimestamp(6, Timestamp.from(now));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    Optional<Audit> find(long id) {
        return jdbc.query("SELECT * FROM del_audit WHERE id = ?", ROW, id).stream().findFirst();
    }

    List<Audit> ofVersion(long versionId) {
        return jdbc.query("SELECT * FROM del_audit WHERE version_id = ? ORDER BY id", ROW, versionId);
    }

    List<Audit> latest(int limit) {
        return jdbc.query("SELECT * FROM del_audit ORDER BY id DESC LIMIT ?", ROW, limit);
    }

    /** Open → completed only: a second completion (or a concurrent one) changes nothing and returns false. */
    boolean complete(long id, String by, String opinion, Instant now) {
        return jdbc.update("UPDATE del_audit SET state = ?, completed_by = ?, completed_at = ?, opinion = ? "
                + "WHERE id = ? AND state = ?", Audit.COMPLETED, by, Timestamp.from(now), opinion, id, Audit.OPEN) == 1;
    }
}
