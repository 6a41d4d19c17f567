package io.clearflow.testmetrics.store;

import io.clearflow.testmetrics.metrics.DoraCalculator;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** SQL of {@code tm_incident}: production incidents and their recovery. */
@Repository
public class IncidentRepository {

    private final JdbcTemplate jdbc;

    public IncidentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void upsert(String system, String key, Instant startedAt, Instant restoredAt, String causedBy) {
        int n = jdbc.update("UPDATE tm_incident SET started_at = ?, restored_at = ?, caused_by = ? WHERE system_code = ? "
                + "AND incident_key = ?", Sql.utc(startedAt), Sql.utc(restoredAt), causedBy, system, key);
        if (n == 0) {
            jdbc.update("INSERT INTO tm_incident (system_code, incident_key, started_at, restored_at, caused_by) "
                    + "VALUES (?, ?, ?, ?, ?)", system, key, Sql.utc(startedAt), Sql.utc(restoredAt), causedBy);
        }
    }

    public List<DoraCalculator.Incident> startedBetween(String system, Instant from, Instant until) {
        return jdbc.query("SELECT started_at, restored_at, caused_by FROM tm_incident WHERE system_code = ? "
                + "AND started_at >= ? AND started_at < ?", (rs, i) -> new DoraCalculator.Incident(
                Sql.instant(rs, "started_at"), Sql.instant(rs, "restored_at"), rs.getString("caused_by")),
                system, Sql.utc(from), Sql.utc(until));
    }
}
