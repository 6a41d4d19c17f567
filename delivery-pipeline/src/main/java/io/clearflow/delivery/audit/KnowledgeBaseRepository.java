package io.clearflow.delivery.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_audit_kb}. */
@Repository
class KnowledgeBaseRepository {

    /** An entry: a link ({@code url}) or an uploaded file ({@code fileName}, {@code fileSize}), never both. */
    record Entry(long id, String system, String title, String kind, String url, String fileName, Long fileSize,
                 String createdBy, Instant createdAt) {

        /** Where a reader opens it: the link, or the platform's download of the file. */
        public String href() {
            return url != null ? url : "/api/delivery/audit-kb/entries/" + id + "/file";
        }
    }

    private final JdbcTemplate jdbc;

    KnowledgeBaseRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String system, String title, String kind, String url, String fileName, Long fileSize, String by,
                Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var s = c.prepareStatement("INSERT INTO del_audit_kb (system_code, title, kind, url, file_name, file_size, "
                    + "created_by, created_at) VALUES (?,?,?,?,?,?,?,?)", new String[] {"id"});
            s.setString(1, system);
            s.setString(2, title);
            s.setString(3, kind);
            s.setString(4, url);
            s.setString(5, fileName);
            s.setObject(6, fileSize);
            s.setString(7, by);
            s.setTimestamp(8, Timestamp.from(now));
            return s;
        }, keys);
        return keys.getKey().longValue();
    }

    List<Entry> ofSystem(String system) {
        return jdbc.query("SELECT * FROM del_audit_kb WHERE system_code = ? ORDER BY kind, title, id",
                KnowledgeBaseRepository::row, system);
    }

    Optional<Entry> find(long id) {
        return jdbc.query("SELECT * FROM del_audit_kb WHERE id = ?", KnowledgeBaseRepository::row, id).stream().findFirst();
    }

    private static Entry row(ResultSet rs, int n) throws SQLException {
        long size = rs.getLong("file_size");
        return new Entry(rs.getLong("id"), rs.getString("system_code"), rs.getString("title"), rs.getString("kind"),
                rs.getString("url"), rs.getString("file_name"), rs.wasNull() ? null : size, rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
