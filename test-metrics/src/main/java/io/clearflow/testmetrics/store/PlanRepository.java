package io.clearflow.testmetrics.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of {@code tm_plan}: test plans of a version (optionally of one iteration). */
@Repository
public class PlanRepository {

    public record PlanRow(long id, long versionId, String name, String iteration, String createdBy, Instant createdAt) {
    }

    static final String COLUMNS = "id, version_id, name, iteration, created_by, created_at";
    static final RowMapper<PlanRow> ROW = (rs, i) -> new PlanRow(rs.getLong("id"), rs.getLong("version_id"),
            rs.getString("name"), rs.getString("iteration"), rs.getString("created_by"), Sql.instant(rs, "created_at"));

    private final JdbcTemplate jdbc;

    public PlanRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long versionId, String name, String iteration, String createdBy, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO tm_plan (version_id, name, iteration, created_by, created_at) "
                    + "VALUES (?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, versionId);
            ps.setString(2, name);
            ps.setString(3, iteration);
            ps.setString(4, createdBy);
            ps.setObject(5, Sql.utc(at));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public boolean exists(long versionId, String name) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tm_plan WHERE version_id = ? AND name = ?", Integer.class,
                versionId, name) > 0;
    }

    public Optional<PlanRow> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM tm_plan WHERE id = ?", ROW, id).stream().findFirst();
    }

    public List<PlanRow> ofVersion(long versionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM tm_plan WHERE version_id = ? ORDER BY id", ROW, versionId);
    }

    /** The project's newest plan-carrying versions' ids, newest plan first (maturity: the current automation ratio). */
    public Optional<Long> latestVersionWithPlan(String project) {
        return jdbc.queryForList("SELECT p.version_id FROM tm_plan p JOIN tm_version v ON v.id = p.version_id "
                + "WHERE v.project = ? ORDER BY p.created_at DESC, p.id DESC FETCH FIRST 1 ROWS ONLY", Long.class, project)
                .stream().findFirst();
    }

    public void delete(long id) {
        jdbc.update("DELETE FROM tm_plan WHERE id = ?", id);
    }
}
