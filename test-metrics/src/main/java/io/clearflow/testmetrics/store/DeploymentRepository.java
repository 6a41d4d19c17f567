package io.clearflow.testmetrics.store;

import io.clearflow.testmetrics.metrics.DoraCalculator;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** SQL of {@code tm_deployment}: production deployments per system. */
@Repository
public class DeploymentRepository {

    private final JdbcTemplate jdbc;

    public DeploymentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void upsert(String system, String key, String version, Instant at, boolean succeeded, boolean rework) {
        int n = jdbc.update("UPDATE tm_deployment SET version = ?, deployed_at = ?, succeeded = ?, rework = ? "
                + "WHERE system_code = ? AND deployment_key = ?", version, Sql.utc(at), succeeded, rework, system, key);
        if (n == 0) {
            jdbc.update("INSERT INTO tm_deployment (system_code, deployment_key, version, deployed_at, succeeded, rework) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", system, key, version, Sql.utc(at), succeeded, rework);
        }
    }

    public List<DoraCalculator.Deployment> between(String system, Instant from, Instant until) {
        return jdbc.query("SELECT deployment_key, deployed_at, succeeded, rework FROM tm_deployment WHERE system_code = ? "
                + "AND deployed_at >= ? AND deployed_at < ? ORDER BY deployed_at", (rs, i) -> new DoraCalculator.Deployment(
                rs.getString("deployment_key"), Sql.instant(rs, "deployed_at"), rs.getBoolean("succeeded"),
                rs.getBoolean("rework")), system, Sql.utc(from), Sql.utc(until));
    }

    public List<String> systems() {
        return jdbc.queryForList("SELECT DISTINCT system_code FROM tm_deployment ORDER BY system_code", String.class);
    }

    public long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tm_deployment", Long.class);
    }
}
