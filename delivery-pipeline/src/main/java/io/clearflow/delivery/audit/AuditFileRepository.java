package io.clearflow.delivery.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_audit_file}: a package's files and their change against the previous package. */
@Repository
class AuditFileRepository {

    record FileRow(String path, String module, String sha256, String kind, int added, int removed) {
    }

    private static final RowMapper<FileRow> ROW = (rs, i) -> new FileRow(rs.getString("path"), rs.getString("module"),
            rs.getString("sha256"), rs.getString("change_kind"), rs.getInt("added"), rs.getInt("removed"));

    private final JdbcTemplate jdbc;

    AuditFileRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insertAll(long packageId, List<PackageDiff.FileChange> changes) {
        jdbc.batchUpdate("INSERT INTO del_audit_file (package_id, path, module, sha256, change_kind, added, removed) "
                + "VALUES (?,?,?,?,?,?,?)", changes, 1000, (ps, c) -> {
                    ps.setLong(1, packageId);
                    ps.setString(2, c.path());
                    ps.setString(3, c.module());
                    ps.setString(4, c.sha256());
                    ps.setString(5, c.kind().name().toLowerCase());
                    ps.setInt(6, c.added());
                    ps.setInt(7, c.removed());
                });
    }

    /** path → sha256 of the files the package holds (deleted ones left out). */
    Map<String, String> manifest(long packageId) {
        Map<String, String> manifest = new HashMap<>();
        jdbc.query("SELECT path, sha256 FROM del_audit_file WHERE package_id = ? AND sha256 IS NOT NULL",
                rs -> { manifest.put(rs.getString(1), rs.getString(2)); }, packageId);
        return manifest;
    }

    List<FileRow> changed(long packageId) {
        return jdbc.query("SELECT * FROM del_audit_file WHERE package_id = ? AND change_kind <> 'unchanged' ORDER BY path",
                ROW, packageId);
    }

    Optional<FileRow> find(long packageId, String path) {
        return jdbc.query("SELECT * FROM del_audit_file WHERE package_id = ? AND path = ?", ROW, packageId, path)
                .stream().findFirst();
    }
}
