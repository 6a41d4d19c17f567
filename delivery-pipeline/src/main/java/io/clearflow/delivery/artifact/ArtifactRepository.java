package io.clearflow.delivery.artifact;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_artifact}. */
@Repository
public class ArtifactRepository {

    static final RowMapper<Artifact> ROW = (rs, i) -> new Artifact(rs.getLong("id"), rs.getLong("version_id"),
            rs.getString("name"), rs.getString("sha256"), rs.getLong("size_bytes"), rs.getString("stage"),
            rs.getString("source_url"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());

    private final JdbcTemplate jdbc;

    ArtifactRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the artifact; the same name twice in a version fails with the unique constraint. */
    public long insert(long versionId, String name, String sha256, long size, String stage, String sourceUrl,
                       String uploadedBy, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("INSERT INTO del_artifact (version_id, name, sha256, size_bytes, "
                    + "stage, source_url, uploaded_by, uploaded_at) VALUES (?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setLong(1, versionId);
            ps.setString(2, name);
            ps.setString(3, sha256);
            ps.setLong(4, size);
            ps.setString(5, stage);
            ps.setString(6, sourceUrl);
            ps.setString(7, uploadedBy);
            ps.setTimestamp(8, Timestamp.from(now));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public Optional<Artifact> find(long id) {
        return jdbc.query("SELECT * FROM del_artifact WHERE id = ?", ROW, id).stream().findFirst();
    }

    public Optional<Artifact> find(long versionId, String name) {
        return jdbc.query("SELECT * FROM del_artifact WHERE version_id = ? AND name = ?", ROW, versionId, name)
                .stream().findFirst();
    }

    public List<Artifact> ofVersion(long versionId) {
        return jdbc.query("SELECT * FROM del_artifact WHERE version_id = ? ORDER BY id", ROW, versionId);
    }

    /** Moves the stage on only from {@code fromStage}: false when somebody else moved it first. */
    public boolean moveStage(long id, String fromStage, String toStage) {
        return jdbc.update("UPDATE del_artifact SET stage = ? WHERE id = ? AND stage = ?", toStage, id, fromStage) == 1;
    }

    /** Who uploaded or registered the version's artifacts: its developers. */
    public Set<String> uploaders(long versionId) {
        return Set.copyOf(jdbc.queryForList("SELECT DISTINCT uploaded_by FROM del_artifact WHERE version_id = ?",
                String.class, versionId));
    }

    /** The system's newest artifacts at one of {@code stages} (what the board offers to deploy). */
    public List<Artifact> ofSystemAt(String system, java.util.Collection<String> stages, int limit) {
        if (stages.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(stages.size(), "?"));
        List<Object> args = new java.util.ArrayList<>();
        args.add(system);
        args.addAll(stages);
        args.add(limit);
        return jdbc.query("SELECT a.* FROM del_artifact a JOIN del_version v ON v.id = a.version_id WHERE v.system_code = ? "
                + "AND a.stage IN (" + marks + ") ORDER BY a.id DESC FETCH FIRST ? ROWS ONLY", ROW, args.toArray());
    }

    public boolean referenced(String sha256) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM del_artifact WHERE sha256 = ?", Long.class, sha256) > 0;
    }

    /** The versions with at least one artifact (the cockpit's rollup). */
    public Set<Long> versionsWithArtifacts() {
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT version_id FROM del_artifact", Long.class));
    }
}
