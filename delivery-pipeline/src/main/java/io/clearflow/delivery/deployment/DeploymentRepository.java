package io.clearflow.delivery.deployment;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_deployment}; state moves only forward (queued → running → succeeded/failed). */
@Repository("deliveryDeploymentRepository") // test-metrics has a DeploymentRepository bean too
public class DeploymentRepository {

    /** Output kept of a deployment: the executor's tail is at most 64 KiB. */
    static final int MAX_OUTPUT = 64 * 1024;

    private static final String SELECT = "SELECT d.*, v.version AS version_label, a.name AS artifact_name FROM del_deployment d "
            + "JOIN del_version v ON v.id = d.version_id JOIN del_artifact a ON a.id = d.artifact_id ";

    private static final RowMapper<Deployment> ROW = (rs, i) -> new Deployment(rs.getLong("id"), rs.getLong("artifact_id"),
            rs.getString("artifact_name"), rs.getLong("version_id"), rs.getString("version_label"), rs.getString("system_code"),
            rs.getString("environment"), rs.getString("target"), rs.getString("executor"), rs.getString("artifact_sha256"),
            (Long) rs.getObject("change_id", Long.class), (Long) rs.getObject("rollback_of", Long.class), rs.getString("state"),
            rs.getString("reference"), rs.getString("output_tail"), rs.getString("problem"), rs.getString("requested_by"),
            instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("started_at")),
            instant(rs.getTimestamp("finished_at")));

    /** Finished production deployments of a version: how many, how many failed, the first success. */
    public record ProductionRuns(int finished, int failed, Instant firstSucceededAt) {
    }

    private final JdbcTemplate jdbc;

    DeploymentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long artifactId, long versionId, String system, String environment, String target, String executor,
                       String sha256, Long changeId, Long rollbackOf, String requestedBy, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("INSERT INTO del_deployment (artifact_id, version_id, system_code, "
                    + "environment, target, executor, artifact_sha256, change_id, rollback_of, state, requested_by, requested_at) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setLong(1, artifactId);
            ps.setLong(2, versionId);
            ps.setString(3, system);
            ps.setString(4, environment);
            ps.setString(5, target);
            ps.setString(6, executor);
            ps.setString(7, sha256);
            setLong(ps, 8, changeId);
            setLong(ps, 9, rollbackOf);
            ps.setString(10, Deployment.QUEUED);
            ps.setString(11, requestedBy);
            ps.setTimestamp(12, Timestamp.from(now));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public Optional<Deployment> find(long id) {
        return jdbc.query(SELECT + "WHERE d.id = ?", ROW, id).stream().findFirst();
    }

    public boolean markRunning(long id, String reference, Instant now) {
        return jdbc.update("UPDATE del_deployment SET state = ?, reference = ?, started_at = COALESCE(started_at, ?) "
                + "WHERE id = ? AND state IN (?, ?)", Deployment.RUNNING, reference, Timestamp.from(now), id,
                Deployment.QUEUED, Deployment.RUNNING) == 1;
    }

    public void output(long id, String tail) {
        jdbc.update("UPDATE del_deployment SET output_tail = ? WHERE id = ? AND state IN (?, ?)", tail(tail), id,
                Deployment.QUEUED, Deployment.RUNNING);
    }

    public void problem(long id, String message) {
        jdbc.update("UPDATE del_deployment SET problem = ? WHERE id = ?", cut(message, 2000), id);
    }

    /** Ends the deployment once: false when it had already ended (a repeated report). */
    public boolean finish(long id, boolean succeeded, String outputTail, String problem, Instant now) {
        return jdbc.update("UPDATE del_deployment SET state = ?, output_tail = COALESCE(?, output_tail), "
                + "problem = COALESCE(?, problem), finished_at = ? WHERE id = ? AND state IN (?, ?)",
                succeeded ? Deployment.SUCCEEDED : Deployment.FAILED, tail(outputTail), cut(problem, 2000),
                Timestamp.from(now), id, Deployment.QUEUED, Deployment.RUNNING) == 1;
    }

    public List<Deployment> inState(String state) {
        return jdbc.query(SELECT + "WHERE d.state = ? ORDER BY d.id", ROW, state);
    }

    public List<Deployment> ofVersion(long versionId) {
        return jdbc.query(SELECT + "WHERE d.version_id = ? ORDER BY d.id DESC", ROW, versionId);
    }

    public List<Deployment> ofArtifact(long artifactId) {
        return jdbc.query(SELECT + "WHERE d.artifact_id = ? ORDER BY d.id DESC", ROW, artifactId);
    }

    /** The last succeeded deployment to the same place before {@code beforeId}: what a rollback returns to. */
    public Optional<Deployment> lastSucceededBefore(String system, String environment, String target, long beforeId) {
        return jdbc.query(SELECT + "WHERE d.system_code = ? AND d.environment = ? AND d.target = ? AND d.state = ? "
                + "AND d.id < ? ORDER BY d.id DESC FETCH FIRST 1 ROWS ONLY", ROW, system, environment, target,
                Deployment.SUCCEEDED, beforeId).stream().findFirst();
    }

    /**
     * For the board: the latest deployment of every place (environment row), and the latest succeeded one. One
     * {@code MAX(id)} per place, each the last entry of an index range ({@code ix_del_deployment_where},
     * {@code ix_del_deployment_place_state}), instead of grouping every deployment ever made: the board's time stays
     * flat as deployments accumulate (50,000 in the benchmark).
     */
    public List<Deployment> latestPerPlace() {
        return jdbc.query(SELECT + "WHERE d.id IN (SELECT (SELECT MAX(x.id) FROM del_deployment x WHERE x.system_code = "
                + "e.system_code AND x.environment = e.environment AND x.target = e.target) FROM del_environment e)", ROW);
    }

    public List<Deployment> latestSucceededPerPlace() {
        return jdbc.query(SELECT + "WHERE d.id IN (SELECT (SELECT MAX(x.id) FROM del_deployment x WHERE x.system_code = "
                + "e.system_code AND x.environment = e.environment AND x.target = e.target AND x.state = ?) "
                + "FROM del_environment e)", ROW, Deployment.SUCCEEDED);
    }

    private static String tail(String text) {
        return text == null || text.length() <= MAX_OUTPUT ? text : text.substring(text.length() - MAX_OUTPUT);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws java.sql.SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    /** {@link ProductionRuns} per version that has finished production deployments (the cockpit's rollup). */
    public Map<Long, ProductionRuns> productionRunsByVersion() {
        Map<Long, ProductionRuns> out = new HashMap<>();
        jdbc.query("SELECT version_id, COUNT(*) AS finished, SUM(CASE WHEN state = 'failed' THEN 1 ELSE 0 END) AS failed,"
                + " MIN(CASE WHEN state = 'succeeded' THEN finished_at END) AS first_success FROM del_deployment"
                + " WHERE environment = 'production' AND state IN ('succeeded', 'failed') GROUP BY version_id", rs -> {
                    out.put(rs.getLong("version_id"), new ProductionRuns(rs.getInt("finished"), rs.getInt("failed"),
                            instant(rs.getTimestamp("first_success"))));
                });
        return out;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
