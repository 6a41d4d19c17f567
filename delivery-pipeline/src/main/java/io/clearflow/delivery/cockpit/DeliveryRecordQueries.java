package io.clearflow.delivery.cockpit;

import static io.clearflow.delivery.cockpit.CockpitRollupRepository.instant;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read model: the refresher's read-only rollups over delivery records that other features own and write (versions
 * with their system, artifacts, test submissions, changes with their approvals, production deployments). Each read
 * groups a whole table by version in one statement, so a refresh costs a handful of queries whatever the volume;
 * these cross-table reads live here rather than in the owners' repositories because only the cockpit rollup needs
 * them. Nothing here writes. The project tables are read through the project feature's repositories.
 */
@Component
class DeliveryRecordQueries {

    /** A version as the refresher starts from. */
    record VersionRow(long id, String system, String version, String ownerDepartment, Instant createdAt, String createdBy) {
    }

    /** Submission milestones of a version (the first of each). */
    record SubmissionTimes(Instant submittedAt, Instant acceptedAt, Instant verdictAt, boolean passed, Instant qcReviewedAt) {
    }

    /** Production deployments of a version. */
    record ProductionRuns(int finished, int failed, Instant firstSucceededAt) {
    }

    private final JdbcTemplate jdbc;

    DeliveryRecordQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<VersionRow> versions() {
        return jdbc.query("SELECT v.id, v.system_code, v.version, s.owner_department, v.created_at, v.created_by"
                + " FROM del_version v JOIN del_system s ON s.code = v.system_code ORDER BY v.id", (rs, i) -> new VersionRow(
                        rs.getLong("id"), rs.getString("system_code"), rs.getString("version"),
                        rs.getString("owner_department"), instant(rs, "created_at"), rs.getString("created_by")));
    }

    Set<Long> versionsWithArtifacts() {
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT version_id FROM del_artifact", Long.class));
    }

    Map<Long, SubmissionTimes> submissions() {
        Map<Long, SubmissionTimes> out = new HashMap<>();
        jdbc.query("SELECT version_id, MIN(submitted_at) AS submitted, MIN(accepted_at) AS accepted,"
                + " MIN(CASE WHEN verdict_passed IS NOT NULL THEN completed_at END) AS verdict,"
                + " MAX(CASE WHEN verdict_passed THEN 1 ELSE 0 END) AS passed, MIN(qc_reviewed_at) AS qc"
                + " FROM del_test_submission GROUP BY version_id", rs -> {
                    out.put(rs.getLong("version_id"), new SubmissionTimes(instant(rs, "submitted"), instant(rs, "accepted"),
                            instant(rs, "verdict"), rs.getInt("passed") == 1, instant(rs, "qc")));
                });
        return out;
    }

    /** Versions that had a change raised. */
    Set<Long> versionsWithChanges() {
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT version_id FROM del_change", Long.class));
    }

    /**
     * When each version's first fully approved change got its last approval: a change is approved when its approvals
     * are complete, and the moment is its latest approving decision.
     */
    Map<Long, Instant> changeApprovals() {
        Map<Long, Instant> out = new HashMap<>();
        jdbc.query("SELECT c.version_id, MAX(a.decided_at) AS approved FROM del_change c"
                + " JOIN del_change_approval a ON a.change_id = c.id AND a.approved"
                + " WHERE c.approvals_complete GROUP BY c.version_id, c.id", rs -> {
                    Instant at = instant(rs, "approved");
                    out.merge(rs.getLong("version_id"), at, (x, y) -> x.isBefore(y) ? x : y);
                });
        return out;
    }

    /** Finished production deployments per version: how many, how many failed, the first success. */
    Map<Long, ProductionRuns> productionRuns() {
        Map<Long, ProductionRuns> out = new HashMap<>();
        jdbc.query("SELECT version_id, COUNT(*) AS finished, SUM(CASE WHEN state = 'failed' THEN 1 ELSE 0 END) AS failed,"
                + " MIN(CASE WHEN state = 'succeeded' THEN finished_at END) AS first_success FROM del_deployment"
                + " WHERE environment = 'production' AND state IN ('succeeded', 'failed') GROUP BY version_id", rs -> {
                    out.put(rs.getLong("version_id"), new ProductionRuns(rs.getInt("finished"), rs.getInt("failed"),
                            instant(rs, "first_success")));
                });
        return out;
    }

    /** Per delivered demand: the system of the first version that took it to production. */
    Map<Long, String> demandsInProduction() {
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
