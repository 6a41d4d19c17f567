package io.clearflow.delivery.version;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_version} and its demand links {@code del_version_demand}. */
@Repository("deliveryVersionRepository") // test-metrics has a VersionRepository bean too
public class VersionRepository {

    private static final RowMapper<Version> ROW = (rs, i) -> new Version(rs.getLong("id"), rs.getString("system_code"),
            rs.getString("version"), rs.getObject("planned_date", LocalDate.class), rs.getString("created_by"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;

    VersionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the version; a duplicate system and version fails with the unique constraint. */
    public long insert(String system, String version, LocalDate plannedDate, String createdBy, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("INSERT INTO del_version (system_code, version, planned_date, "
                    + "created_by, created_at) VALUES (?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, system);
            ps.setString(2, version);
            ps.setDate(3, plannedDate == null ? null : Date.valueOf(plannedDate));
            ps.setString(4, createdBy);
            ps.setTimestamp(5, Timestamp.from(now));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public void addDemands(long versionId, List<Long> demandIds) {
        jdbc.batchUpdate("INSERT INTO del_version_demand (version_id, demand_id) VALUES (?,?)", demandIds, demandIds.size(),
                (ps, demandId) -> {
                    ps.setLong(1, versionId);
                    ps.setLong(2, demandId);
                });
    }

    public Optional<Version> find(long id) {
        return jdbc.query("SELECT * FROM del_version WHERE id = ?", ROW, id).stream().findFirst();
    }

    public boolean exists(String system, String version) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM del_version WHERE system_code = ? AND version = ?", Long.class,
                system, version) > 0;
    }

    public List<Long> demandIds(long versionId) {
        return jdbc.queryForList("SELECT demand_id FROM del_version_demand WHERE version_id = ? ORDER BY demand_id",
                Long.class, versionId);
    }

    /** Newest first, optionally of one system. */
    public List<Version> page(String system, int offset, int limit) {
        if (system == null) {
            return jdbc.query("SELECT * FROM del_version ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", ROW,
                    offset, limit);
        }
        return jdbc.query("SELECT * FROM del_version WHERE system_code = ? ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                ROW, system, offset, limit);
    }

    public long count(String system) {
        return system == null ? jdbc.queryForObject("SELECT COUNT(*) FROM del_version", Long.class)
                : jdbc.queryForObject("SELECT COUNT(*) FROM del_version WHERE system_code = ?", Long.class, system);
    }

    /** The versions that deliver a demand, newest first (for the demand page). */
    public List<Version> ofDemand(long demandId) {
        return jdbc.query("SELECT v.* FROM del_version v JOIN del_version_demand d ON d.version_id = v.id "
                + "WHERE d.demand_id = ? ORDER BY v.id DESC", ROW, demandId);
    }
}
