package io.clearflow.testmetrics.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of {@code tm_version}: the versions of each system (project). */
@Repository
public class VersionRepository {

    /** A stored version. */
    public record VersionRow(long id, String project, String version, Instant createdAt) {
    }

    static final RowMapper<VersionRow> ROW = (rs, i) -> new VersionRow(rs.getLong("id"), rs.getString("project"),
            rs.getString("version"), Sql.instant(rs, "created_at"));

    private final JdbcTemplate jdbc;

    public VersionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<VersionRow> find(String project, String version) {
        return jdbc.query("SELECT id, project, version, created_at FROM tm_version WHERE project = ? AND version = ?",
                ROW, project, version).stream().findFirst();
    }

    public Optional<VersionRow> find(long id) {
        return jdbc.query("SELECT id, project, version, created_at FROM tm_version WHERE id = ?", ROW, id)
                .stream().findFirst();
    }

    public VersionRow findOrCreate(String project, String version, Instant now) {
        return find(project, version).orElseGet(() -> {
            var keys = new GeneratedKeyHolder();
            jdbc.update(c -> {
                var ps = c.prepareStatement("INSERT INTO tm_version (project, version, created_at) VALUES (?, ?, ?)",
                        new String[] {"id"});
                ps.setString(1, project);
                ps.setString(2, version);
                ps.setObject(3, Sql.utc(now));
                return ps;
            }, keys);
            return new VersionRow(keys.getKey().longValue(), project, version, now);
        });
    }

    /** Every version of a project, in no particular order (callers sort with {@code VersionOrder}). */
    public List<VersionRow> versions(String project) {
        return jdbc.query("SELECT id, project, version, created_at FROM tm_version WHERE project = ?", ROW, project);
    }

    public List<String> projects() {
        return jdbc.queryForList("SELECT DISTINCT project FROM tm_version ORDER BY project", String.class);
    }
}
