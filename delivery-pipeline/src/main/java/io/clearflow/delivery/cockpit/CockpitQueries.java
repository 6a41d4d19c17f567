package io.clearflow.delivery.cockpit;

import static io.clearflow.delivery.cockpit.CockpitRollupRepository.instant;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The cockpit's read-only SQL over tables other features own: the project tables of V9 (written by the project
 * lifecycle) and the delivery records (versions, artifacts, submissions, changes, approvals, deployments) the
 * refresher aggregates. Nothing here writes.
 */
@Component
class CockpitQueries {

    /** A project in the cockpit's filter with its actual cost (sum of {@code del_project_cost}). */
    record ProjectRow(long id, String name, String department, String stage, BigDecimal budget, BigDecimal actual,
                      Instant createdAt, Instant acceptedAt) {
    }

    /** Which stages of the initiation–review–update–acceptance chain a finished project's history holds. */
    record StageFlags(boolean initiation, boolean review, boolean golive, boolean acceptance, boolean hasVersions) {
    }

    /** One stage a project was in; {@code leftAt} null while it still is. */
    record StageRow(long projectId, String stage, Instant enteredAt, Instant leftAt) {
    }

    /** Survey answers of one answering department over the projects in the filter. */
    record SurveyTotal(String department, long responses, long scoreSum) {
    }

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

    CockpitQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- projects (V9) ----

    private static String projectWhere(CockpitFilter f, List<Object> args) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (f.department() != null) {
            where.append(" AND p.department = ?");
            args.add(f.department());
        }
        if (f.system() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM del_project_system s WHERE s.project_id = p.id AND s.system_code = ?)");
            args.add(f.system());
        }
        CockpitRollupRepository.period(where, args, "p.created_at", f);
        return where.toString();
    }

    /** Projects created in the period, of the department, touching the system, with their summed costs. */
    List<ProjectRow> projects(CockpitFilter f) {
        List<Object> args = new ArrayList<>();
        String where = projectWhere(f, args);
        return jdbc.query("SELECT p.id, p.name, p.department, p.stage, p.budget, p.created_at, p.accepted_at, c.actual"
                + " FROM del_project p LEFT JOIN (SELECT project_id, SUM(amount) AS actual FROM del_project_cost GROUP BY project_id) c"
                + " ON c.project_id = p.id" + where + " ORDER BY p.id", (rs, i) -> new ProjectRow(rs.getLong("id"),
                        rs.getString("name"), rs.getString("department"), rs.getString("stage"), rs.getBigDecimal("budget"),
                        rs.getBigDecimal("actual"), instant(rs, "created_at"), instant(rs, "accepted_at")), args.toArray());
    }

    /** The stages the projects in the filter have left (the lead time per stage). */
    List<StageRow> stages(CockpitFilter f) {
        List<Object> args = new ArrayList<>();
        String where = projectWhere(f, args);
        return jdbc.query("SELECT h.project_id, h.stage, h.entered_at, h.left_at FROM del_project_stage h"
                + " JOIN del_project p ON p.id = h.project_id" + where + " AND h.left_at IS NOT NULL", (rs, i) -> new StageRow(rs.getLong("project_id"),
                        rs.getString("stage"), instant(rs, "entered_at"), instant(rs, "left_at")), args.toArray());
    }

    /**
     * Stage flags of the projects in the filter that reached acceptance or later (those the completeness chain
     * counts), by project id: one grouped read instead of every stage row.
     */
    Map<Long, StageFlags> finishedStageFlags(CockpitFilter f) {
        List<Object> args = new ArrayList<>();
        String where = projectWhere(f, args) + " AND p.stage IN ('acceptance', 'operation', 'closed')";
        Map<Long, StageFlags> out = new HashMap<>();
        jdbc.query("SELECT p.id, MAX(CASE WHEN h.stage = 'initiation' THEN 1 ELSE 0 END) AS i,"
                + " MAX(CASE WHEN h.stage = 'review' THEN 1 ELSE 0 END) AS r, MAX(CASE WHEN h.stage = 'golive' THEN 1 ELSE 0 END) AS g,"
                + " MAX(CASE WHEN h.stage = 'acceptance' THEN 1 ELSE 0 END) AS a,"
                + " MAX(CASE WHEN EXISTS (SELECT 1 FROM del_project_version pv WHERE pv.project_id = p.id) THEN 1 ELSE 0 END) AS v"
                + " FROM del_project p LEFT JOIN del_project_stage h ON h.project_id = p.id" + where + " GROUP BY p.id", rs -> {
                    out.put(rs.getLong("id"), new StageFlags(rs.getInt("i") == 1, rs.getInt("r") == 1, rs.getInt("g") == 1,
                            rs.getInt("a") == 1, rs.getInt("v") == 1));
                }, args.toArray());
        return out;
    }

    /** Survey answers per answering department over the projects in the filter. */
    List<SurveyTotal> surveys(CockpitFilter f) {
        List<Object> args = new ArrayList<>();
        String where = projectWhere(f, args);
        return jdbc.query("SELECT s.department, COUNT(*) AS n, SUM(s.score) AS total FROM del_project_survey s"
                + " JOIN del_project p ON p.id = s.project_id" + where + " GROUP BY s.department ORDER BY s.department",
                (rs, i) -> new SurveyTotal(rs.getString("department"), rs.getLong("n"), rs.getLong("total")), args.toArray());
    }

    /** Projects of a department accepted in a year (the year-end review). */
    List<ProjectRow> acceptedIn(String department, int year) {
        return jdbc.query("SELECT p.id, p.name, p.department, p.stage, p.budget, p.created_at, p.accepted_at, c.actual"
                + " FROM del_project p LEFT JOIN (SELECT project_id, SUM(amount) AS actual FROM del_project_cost GROUP BY project_id) c"
                + " ON c.project_id = p.id WHERE p.department = ? AND p.accepted_at >= ? AND p.accepted_at < ? ORDER BY p.accepted_at, p.id",
                (rs, i) -> new ProjectRow(rs.getLong("id"), rs.getString("name"), rs.getString("department"),
                        rs.getString("stage"), rs.getBigDecimal("budget"), rs.getBigDecimal("actual"),
                        instant(rs, "created_at"), instant(rs, "accepted_at")),
                department, Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()),
                Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
    }

    /** Cost booked in a year against a department's projects, per kind (contract, payment, staff, operation, other). */
    Map<String, BigDecimal> costIn(String department, int year) {
        Map<String, BigDecimal> byKind = new java.util.TreeMap<>();
        jdbc.query("SELECT c.kind, SUM(c.amount) AS amount FROM del_project_cost c JOIN del_project p ON p.id = c.project_id"
                + " WHERE p.department = ? AND c.occurred_on >= ? AND c.occurred_on <= ? GROUP BY c.kind", rs -> {
                    byKind.put(rs.getString("kind"), rs.getBigDecimal("amount"));
                }, department, Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)));
        return byKind;
    }

    // ---- delivery records, for the refresher ----

    List<VersionRow> versions() {
        return jdbc.query("SELECT v.id, v.system_code, v.version, s.owner_department, v.created_at, v.created_by"
                + " FROM del_version v JOIN del_system s ON s.code = v.system_code ORDER BY v.id", (rs, i) -> new VersionRow(
                        rs.getLong("id"), rs.getString("system_code"), rs.getString("version"),
                        rs.getString("owner_department"), instant(rs, "created_at"), rs.getString("created_by")));
    }

    /** The department of the project delivering each version (the first by department id when several do). */
    Map<Long, String> projectDepartments() {
        Map<Long, String> out = new HashMap<>();
        jdbc.query("SELECT pv.version_id, MIN(p.department) AS department FROM del_project_version pv"
                + " JOIN del_project p ON p.id = pv.project_id GROUP BY pv.version_id",
                rs -> {
                    out.put(rs.getLong("version_id"), rs.getString("department"));
                });
        return out;
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
