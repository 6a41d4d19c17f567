package io.clearflow.delivery.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_audit_annotation}. */
@Repository
class AnnotationRepository {

    /** {@code line} is the line in the package it was written on. */
    record Annotation(long id, long packageId, String path, int line, String text, Long kbEntryId, String author,
                      Instant createdAt) {
    }

    private final JdbcTemplate jdbc;

    AnnotationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String system, long packageId, String path, int line, String text, Long kbEntryId, String author,
                Instant now) {
        jdbc.update("INSERT INTO del_audit_annotation (system_code, package_id, path, line, text, kb_entry_id, author, "
                + "created_at) VALUES (?,?,?,?,?,?,?,?)", system, packageId, path, line, text, kbEntryId, author,
                Timestamp.from(now));
    }

    List<Annotation> ofFile(String system, String path) {
        return jdbc.query("SELECT * FROM del_audit_annotation WHERE system_code = ? AND path = ? ORDER BY id",
                (rs, i) -> new Annotation(rs.getLong("id"), rs.getLong("package_id"), rs.getString("path"), rs.getInt("line"),
                        rs.getString("text"), (Long) rs.getObject("kb_entry_id", Long.class), rs.getString("author"), rs.getTimestamp("created_at").toInstant()),
                system, path);
    }
}
