package io.clearflow.delivery.change;

import static io.clearflow.delivery.jdbc.StateRows.instant;
import static io.clearflow.delivery.jdbc.StateRows.utc;

import io.clearflow.delivery.jdbc.StateRows;
import io.clearflow.engine.api.PlatformRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_change}. */
@Repository("deliveryChangeRepository")
public class ChangeRepository {

    private static final String COLUMNS = "id, change_key, test_submission_id, version_id, artifact_id, system_code, "
            + "critical, state, risk, change_window, rollback_plan, deployment_steps, affected_systems, "
            + "compliance_relevant, emergency, required_roles, approvals_complete, first_commit_at, case_id, "
            + "submitted_by, submitted_at, deployment_id, deployed_at, closed_by, closed_at, close_comment";

    /** What a new change stores; the key is derived from its id. */
    record NewRow(long testSubmissionId, long versionId, long artifactId, String system, boolean critical, String risk,
                  String window, String rollbackPlan, String deploymentSteps, List<String> affectedSystems,
                  boolean complianceRelevant, boolean emergency, List<PlatformRole> requiredRoles,
                  Instant firstCommitAt, String caseId, String submittedBy, Instant submittedAt) { }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    ChangeRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    long insert(NewRow r) {
        var keys = new GeneratedKeyHolder();
        // a unique placeholder key until the id is known; replaced in the same transaction
        String provisional = "NEW-" + java.util.UUID.randomUUID().toString().substring(0, 24);
        named.update("INSERT INTO del_change (change_key, test_submission_id, version_id, artifact_id, system_code, critical, "
                        + "state, risk, change_window, rollback_plan, deployment_steps, affected_systems, compliance_relevant, "
                        + "emergency, required_roles, approvals_complete, first_commit_at, case_id, submitted_by, "
                        + "submitted_at, updated_at) VALUES (:key, :submission, :version, :artifact, :system, :critical, "
                        + ":state, :risk, :window, :rollback, :steps, :affected, :compliance, :emergency, :roles, FALSE, "
                        + ":firstCommit, :caseId, :by, :at, :at)",
                new MapSqlParameterSource().addValue("key", provisional).addValue("submission", r.testSubmissionId())
                        .addValue("version", r.versionId()).addValue("artifact", r.artifactId())
                        .addValue("system", r.system()).addValue("critical", r.critical())
                        .addValue("state", ChangeState.APPROVING.name()).addValue("risk", r.risk())
                        .addValue("window", r.window()).addValue("rollback", r.rollbackPlan())
                        .addValue("steps", r.deploymentSteps()).addValue("affected", String.join(",", r.affectedSystems()))
                        .addValue("compliance", r.complianceRelevant()).addValue("emergency", r.emergency())
                        .addValue("roles", String.join(",", r.requiredRoles().stream().map(Enum::name).toList()))
                        .addValue("firstCommit", utc(r.firstCommitAt())).addValue("caseId", r.caseId())
                        .addValue("by", r.submittedBy()).addValue("at", utc(r.submittedAt())),
                keys, new String[] {"id"});
        long id = keys.getKey().longValue();
        jdbc.update("UPDATE del_change SET change_key = ? WHERE id = ?", key(id, r.submittedAt()), id);
        return id;
    }

    /** {@code CHG-2026-000012}: the year of submission and the id, readable on the phone and in the audit. */
    static String key(long id, Instant submittedAt) {
        return String.format("CHG-%d-%06d", submittedAt.atOffset(ZoneOffset.UTC).getYear(), id);
    }

    Optional<Change> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM del_change WHERE id = ?", ChangeRepository::row, id).stream().findFirst();
    }

    Optional<Change> findByCase(String caseId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM del_change WHERE case_id = ?", ChangeRepository::row, caseId)
                .stream().findFirst();
    }

    List<Change> latest(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM del_change ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
                ChangeRepository::row);
    }

    List<Change> ofVersion(long versionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM del_change WHERE version_id = ? ORDER BY id DESC",
                ChangeRepository::row, versionId);
    }

    boolean openForSubmission(long testSubmissionId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM del_change WHERE test_submission_id = ? "
                + "AND state NOT IN ('REJECTED', 'FAILED')", Integer.class, testSubmissionId);
        return n != null && n > 0;
    }

    /** Moves the state if it still is {@code from}; the other columns are this class's own names. */
    private boolean move(long id, ChangeState from, ChangeState to, Map<String, Object> columns, Instant now) {
        return StateRows.move(named, "del_change", id, from, to, columns, now);
    }

    boolean approved(long id, Instant now) {
        return move(id, ChangeState.APPROVING, ChangeState.APPROVED, Map.of(), now);
    }

    boolean rejected(long id, ChangeState from, Instant now) {
        return move(id, from, ChangeState.REJECTED, Map.of(), now);
    }

    void approvalsComplete(long id, Instant now) {
        jdbc.update("UPDATE del_change SET approvals_complete = TRUE, updated_at = ? WHERE id = ?", utc(now), id);
    }

    boolean deploying(long id, long deploymentId, Instant now) {
        return move(id, ChangeState.APPROVED, ChangeState.DEPLOYING, Map.of("deployment_id", deploymentId), now);
    }

    boolean deployed(long id, boolean succeeded, Instant now) {
        Map<String, Object> columns = new HashMap<>();
        if (succeeded) {
            columns.put("deployed_at", now);
        }
        return move(id, ChangeState.DEPLOYING, succeeded ? ChangeState.DEPLOYED : ChangeState.FAILED, columns, now);
    }

    boolean closed(long id, String by, String comment, Instant now) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("closed_by", by);
        columns.put("closed_at", now);
        columns.put("close_comment", comment);
        return move(id, ChangeState.DEPLOYED, ChangeState.CLOSED, columns, now);
    }

    /** Versions that had a change raised (the cockpit's rollup). */
    public Set<Long> versionsWithChanges() {
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT version_id FROM del_change", Long.class));
    }

    /**
     * When each version's first fully approved change got its last approval: a change is approved when its approvals
     * are complete, and the moment is its latest approving decision (the cockpit's rollup).
     */
    public Map<Long, Instant> firstApprovalByVersion() {
        Map<Long, Instant> out = new HashMap<>();
        jdbc.query("SELECT c.version_id, MAX(a.decided_at) AS approved FROM del_change c"
                + " JOIN del_change_approval a ON a.change_id = c.id AND a.approved"
                + " WHERE c.approvals_complete GROUP BY c.version_id, c.id", rs -> {
                    Instant at = instant(rs, "approved");
                    out.merge(rs.getLong("version_id"), at, (x, y) -> x.isBefore(y) ? x : y);
                });
        return out;
    }

    private static Change row(ResultSet rs, int n) throws SQLException {
        Object deployment = rs.getObject("deployment_id");
        String affected = rs.getString("affected_systems");
        return new Change(rs.getLong("id"), rs.getString("change_key"), rs.getLong("test_submission_id"),
                rs.getLong("version_id"), rs.getLong("artifact_id"), rs.getString("system_code"), rs.getBoolean("critical"),
                ChangeState.valueOf(rs.getString("state")), rs.getString("risk"), rs.getString("change_window"),
                rs.getString("rollback_plan"), rs.getString("deployment_steps"),
                affected == null || affected.isEmpty() ? List.of() : List.of(affected.split(",")),
                rs.getBoolean("compliance_relevant"), rs.getBoolean("emergency"),
                Arrays.stream(rs.getString("required_roles").split(",")).map(PlatformRole::valueOf).toList(),
                rs.getBoolean("approvals_complete"), instant(rs, "first_commit_at"), rs.getString("case_id"),
                rs.getString("submitted_by"), instant(rs, "submitted_at"),
                deployment == null ? null : rs.getLong("deployment_id"), instant(rs, "deployed_at"),
                rs.getString("closed_by"), instant(rs, "closed_at"), rs.getString("close_comment"));
    }
}
