package io.clearflow.testmetrics.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of {@code tm_report}: one row per uploaded (or recorded) report file. */
@Repository
public class ReportRepository {

    public record ReportRow(long id, long versionId, long runId, String format, String fileName, long sizeBytes,
                            String sha256, String uploadedBy, Instant uploadedAt, String summary) {
    }

    static final String COLUMNS = "id, version_id, run_id, format, file_name, size_bytes, sha256, uploaded_by, uploaded_at, summary";
    static final RowMapper<ReportRow> ROW = (rs, i) -> new ReportRow(rs.getLong("id"), rs.getLong("version_id"),
            rs.getLong("run_id"), rs.getString("format"), rs.getString("file_name"), rs.getLong("size_bytes"),
            rs.getString("sha256"), rs.getString("uploaded_by"), Sql.instant(rs, "uploaded_at"), rs.getString("summary"));

    private final JdbcTemplate jdbc;

    public ReportRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the report before its content (which refers to it); the summary follows with {@link #finish}. */
    public long insert(long versionId, long runId, String format, String fileName, String uploadedBy, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO tm_report (version_id, run_id, format, file_name, size_bytes, sha256, "
                    + "uploaded_by, uploaded_at, summary) VALUES (?, ?, ?, ?, 0, ?, ?, ?, '{}')", new String[] {"id"});
            ps.setLong(1, versionId);
            ps.setLong(2, runId);
            ps.setString(3, format);
            ps.setString(4, Sql.fit(fileName, 255));
            ps.setString(5, "0".repeat(64));
            ps.setString(6, uploadedBy);
            ps.setObject(7, Sql.utc(at));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public void finish(long id, String format, long sizeBytes, String sha256, String summaryJson) {
        jdbc.update("UPDATE tm_report SET format = ?, size_bytes = ?, sha256 = ?, summary = ? WHERE id = ?",
                format, sizeBytes, sha256, Sql.fit(summaryJson, 4000), id);
    }

    public Optional<ReportRow> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM tm_report WHERE id = ?", ROW, id).stream().findFirst();
    }

    public List<ReportRow> ofVersion(long versionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM tm_report WHERE version_id = ? ORDER BY id", ROW, versionId);
    }

    public List<ReportRow> ofRun(long runId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM tm_report WHERE run_id = ? ORDER BY id", ROW, runId);
    }

    /** The reports of one format in the version's latest run that has any of that format. */
    public List<ReportRow> latestOfFormat(long versionId, String format) {
        return jdbc.query("SELECT " + COLUMNS + " FROM tm_report WHERE version_id = ? AND format = ? AND run_id = "
                + "(SELECT MAX(run_id) FROM tm_report WHERE version_id = ? AND format = ?) ORDER BY id",
                ROW, versionId, format, versionId, format);
    }

    /** Formats of a project's reports uploaded since the given time. */
    public java.util.Set<String> formatsSince(String project, Instant since) {
        return new java.util.HashSet<>(jdbc.queryForList("SELECT DISTINCT r.format FROM tm_report r JOIN tm_version v "
                + "ON v.id = r.version_id WHERE v.project = ? AND r.uploaded_at >= ?", String.class, project, Sql.utc(since)));
    }

    public int count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tm_report", Integer.class);
    }

    /**
     * {@link #latestOfFormat(long, String)} for many versions in one statement (trend pages): per version, the reports
     * of the format in its latest run that has any; versions without such reports are absent.
     */
    public java.util.Map<Long, List<ReportRow>> latestOfFormat(List<Long> versionIds, String format) {
        java.util.Map<Long, List<ReportRow>> out = new java.util.HashMap<>();
        if (versionIds.isEmpty()) {
            return out;
        }
        Object[] args = new Object[versionIds.size() + 2];
        args[0] = format;
        args[1] = format;
        for (int i = 0; i < versionIds.size(); i++) {
            args[i + 2] = versionIds.get(i);
        }
        jdbc.query("SELECT " + COLUMNS + " FROM tm_report r WHERE r.format = ? AND r.run_id = (SELECT MAX(m.run_id) "
                + "FROM tm_report m WHERE m.version_id = r.version_id AND m.format = ?) AND r.version_id IN ("
                + Sql.marks(versionIds.size()) + ") ORDER BY r.id", rs -> {
                    ReportRow row = ROW.mapRow(rs, 0);
                    out.computeIfAbsent(row.versionId(), k -> new java.util.ArrayList<>()).add(row);
                }, args);
        return out;
    }
}
