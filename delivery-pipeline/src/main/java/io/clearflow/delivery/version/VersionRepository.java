package io.clearflow.delivery.version;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_version} and its demand links {@code del_version_demand}. */
@Repository("deliveryVersionRepository") // test-metrics has a VersionRepository bean too
public class VersionRepository {

    /** A version with its system's owning department, as the cockpit's rollup starts from it. */
    public record OwnedVersion(long id, String system, String version, String ownerDepartment, Instant createdAt,
                               String createdBy) {
    }

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

    /** Every version with its system's owning department, in id order (the cockpit's rollup). */
    public List<OwnedVersion> allWithOwners() {
        return jdbc.query("SELECT v.id, v.system_code, v.version, s.owner_department, v.created_at, v.created_by"
                + " FROM del_version v JOIN del_system s ON s.code = v.system_code ORDER BY v.id", (rs, i) -> new OwnedVersion(
                        rs.getLong("id"), rs.getString("system_code"), rs.getString("version"),
                        rs.getString("owner_department"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("created_by")));
    }

    /** Per delivered demand: the system of the first version that took it to production (the cockpit's rollup). */
    public Map<Long, String> systemsOfDemandsInProduction() {
        Map<Long, String> out = new HashMap<>();
        jdbc.query("SELECT vd.demand_id, MIN(v.system_code) AS system_code FROM del_version_demand vd"
                + " JOIN del_version v ON v.id = vd.version_id"
                + " WHERE EXISTS (SELECT 1 FROM del_deployment d WHERE d.version_id = vd.version_id"
                + " AND d.environment = 'production' AND d.state = 'succeeded') GROUP BY vd.demand_id", rs -> {
                    out.put(rs.getLong("demand_id"), rs.getString("system_code"));
                });
        return out;
    }
}
