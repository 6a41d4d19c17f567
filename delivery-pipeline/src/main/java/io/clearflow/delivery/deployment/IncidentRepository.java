package io.clearflow.delivery.deployment;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_incident}. */
@Repository("deliveryIncidentRepository") // test-metrics has an IncidentRepository bean too
public class IncidentRepository {

    private static final RowMapper<Incident> ROW = (rs, i) -> new Incident(rs.getLong("id"), rs.getString("system_code"),
            rs.getString("environment"), rs.getString("target"), rs.getLong("deployment_id"),
            rs.getTimestamp("started_at").toInstant(),
            rs.getTimestamp("restored_at") == null ? null : rs.getTimestamp("restored_at").toInstant(),
            (Long) rs.getObject("restored_by", Long.class));

    private final JdbcTemplate jdbc;

    IncidentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long open(String system, String environment, String target, long deploymentId, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("INSERT INTO del_incident (system_code, environment, target, "
                    + "deployment_id, started_at) VALUES (?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, system);
            ps.setString(2, environment);
            ps.setString(3, target);
            ps.setLong(4, deploymentId);
            ps.setTimestamp(5, Timestamp.from(at));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public List<Incident> openAt(String system, String environment, String target) {
        return jdbc.query("SELECT * FROM del_incident WHERE system_code = ? AND environment = ? AND target = ? "
                + "AND restored_at IS NULL ORDER BY id", ROW, system, environment, target);
    }

    public void restore(long id, Instant at, long byDeployment) {
        jdbc.update("UPDATE del_incident SET restored_at = ?, restored_by = ? WHERE id = ? AND restored_at IS NULL",
                Timestamp.from(at), byDeployment, id);
    }

    public Optional<Incident> causedBy(long deploymentId) {
        return jdbc.query("SELECT * FROM del_incident WHERE deployment_id = ?", ROW, deploymentId).stream().findFirst();
    }

    public record Incident(long id, String system, String environment, String target, long deploymentId, Instant startedAt,
                           Instant restoredAt, Long restoredBy) {
    }
}
