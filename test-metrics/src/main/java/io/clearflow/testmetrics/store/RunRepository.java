package io.clearflow.testmetrics.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of {@code tm_run}: CI builds or test rounds of a version. */
@Repository
public class RunRepository {

    /** Uploads without a run belong to this run of their version. */
    public static final String NO_RUN = "-";

    public record RunRow(long id, long versionId, String runKey, Instant createdAt) {
    }

    static final RowMapper<RunRow> ROW = (rs, i) -> new RunRow(rs.getLong("id"), rs.getLong("version_id"),
            rs.getString("run_key"), Sql.instant(rs, "created_at"));

    private final JdbcTemplate jdbc;

    public RunRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public RunRow findOrCreate(long versionId, String runKey, Instant now) {
        return jdbc.query("SELECT id, version_id, run_key, created_at FROM tm_run WHERE version_id = ? AND run_key = ?",
                ROW, versionId, runKey).stream().findFirst().orElseGet(() -> {
                    var keys = new GeneratedKeyHolder();
                    jdbc.update(c -> {
                        var ps = c.prepareStatement("INSERT INTO tm_run (version_id, run_key, created_at) VALUES (?, ?, ?)",
                                new String[] {"id"});
                        ps.setLong(1, versionId);
                        ps.setString(2, runKey);
                        ps.setObject(3, Sql.utc(now));
                        return ps;
                    }, keys);
                    return new RunRow(keys.getKey().longValue(), versionId, runKey, now);
                });
    }

    public Optional<RunRow> find(long id) {
        return jdbc.query("SELECT id, version_id, run_key, created_at FROM tm_run WHERE id = ?", ROW, id).stream().findFirst();
    }

    /** Runs of a project created since the given time that have test results (CI runs, for maturity). */
    public long runsWithResultsSince(String project, Instant since) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tm_run r JOIN tm_version v ON v.id = r.version_id "
                + "WHERE v.project = ? AND r.created_at >= ? AND EXISTS (SELECT 1 FROM tm_test_result t WHERE t.run_id = r.id)",
                Long.class, project, Sql.utc(since));
    }

    /** Runs of a version, oldest first. */
    public List<RunRow> runs(long versionId) {
        return jdbc.query("SELECT id, version_id, run_key, created_at FROM tm_run WHERE version_id = ? ORDER BY id",
                ROW, versionId);
    }

    /** Runs by id (trend pages). */
    public java.util.Map<Long, RunRow> find(List<Long> ids) {
        java.util.Map<Long, RunRow> out = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("SELECT id, version_id, run_key, created_at FROM tm_run WHERE id IN (" + Sql.marks(ids.size()) + ")",
                    ROW, ids.toArray()).forEach(r -> out.put(r.id(), r));
        }
        return out;
    }
}
