package io.clearflow.testmetrics.store;

import io.clearflow.testmetrics.metrics.DoraCalculator;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** SQL of {@code tm_change}: changes with their first commit and the deployment that shipped them. */
@Repository
public class ChangeRepository {

    private final JdbcTemplate jdbc;

    public ChangeRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void upsert(String system, String key, Instant firstCommitAt, String deploymentKey) {
        int n = jdbc.update("UPDATE tm_change SET first_commit_at = ?, deployment_key = ? WHERE system_code = ? AND change_key = ?",
                Sql.utc(firstCommitAt), deploymentKey, system, key);
        if (n == 0) {
            jdbc.update("INSERT INTO tm_change (system_code, change_key, first_commit_at, deployment_key) VALUES (?, ?, ?, ?)",
                    system, key, Sql.utc(firstCommitAt), deploymentKey);
        }
    }

    /** Changes shipped by deployments of the period. */
    public List<DoraCalculator.Change> shippedBetween(String system, Instant from, Instant until) {
        return jdbc.query("SELECT c.first_commit_at, c.deployment_key FROM tm_change c JOIN tm_deployment d "
                + "ON d.system_code = c.system_code AND d.deployment_key = c.deployment_key WHERE c.system_code = ? "
                + "AND d.deployed_at >= ? AND d.deployed_at < ?", (rs, i) -> new DoraCalculator.Change(
                Sql.instant(rs, "first_commit_at"), rs.getString("deployment_key")), system, Sql.utc(from), Sql.utc(until));
    }
}
