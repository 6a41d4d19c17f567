package io.clearflow.delivery.audit;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_audit_package}. */
@Repository
class AuditPackageRepository {

    private static final RowMapper<AuditPackage> ROW = (rs, i) -> new AuditPackage(rs.getLong("id"), rs.getLong("audit_id"),
            rs.getString("system_code"), rs.getString("label"), (Long) rs.getObject("previous_id", Long.class),
            rs.getInt("file_count"), rs.getInt("changed_files"), rs.getInt("changed_lines"), rs.getString("units"),
            rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());

    private final JdbcTemplate jdbc;

    AuditPackageRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long auditId, String system, String label, Long previousId, int fileCount, int changedFiles,
                int changedLines, String unitsJson, String by, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("INSERT INTO del_audit_package (audit_id, system_code, label, "
                    + "previous_id, file_count, changed_files, changed_lines, units, uploaded_by, uploaded_at) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setLong(1, auditId);
            ps.setString(2, system);
            ps.setString(3, label);
            if (previousId == null) {
                ps.setNull(4, Types.BIGINT);
            } else {
                ps.setLong(4, previousId);
            }
            ps.setInt(5, fileCount);
            ps.setInt(6, changedFiles);
            ps.setInt(7, changedLines);
            ps.setString(8, unitsJson);
            ps.setString(9, by);
            ps.setTimestamp(10, Timestamp.from(now));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    Optional<AuditPackage> find(long id) {
        return jdbc.query("SELECT * FROM del_audit_package WHERE id = ?", ROW, id).stream().findFirst();
    }

    List<AuditPackage> ofAudit(long auditId) {
        return jdbc.query("SELECT * FROM del_audit_package WHERE audit_id = ? ORDER BY id", ROW, auditId);
    }

    /** The system's newest package: what the next upload is diffed against. */
    Optional<AuditPackage> latestOfSystem(String system) {
        return jdbc.query("SELECT * FROM del_audit_package WHERE system_code = ? ORDER BY id DESC LIMIT 1", ROW, system)
                .stream().findFirst();
    }
}
