package io.clearflow.delivery.cockpit;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes cockpit input rows directly (projects of V9, delivery records, demands), so the cockpit's tests and benchmark
 * do not wait for the project lifecycle or run the whole delivery flow. Every method returns the new id.
 */
public class CockpitFixture {

    private final JdbcTemplate jdbc;

    public CockpitFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static Instant at(String isoUtc) {
        return Instant.parse(isoUtc);
    }

    public void system(String code, String ownerDepartment) {
        jdbc.update("INSERT INTO del_system (code, name, owner_department, critical, created_at) VALUES (?, ?, ?, FALSE, ?)",
                code, "System " + code, ownerDepartment, ts(at("2026-01-01T00:00:00Z")));
    }

    public long project(String name, String department, String stage, BigDecimal budget, Instant createdAt, Instant acceptedAt) {
        return insert("INSERT INTO del_project (name, department, stage, budget, created_by, created_at, stage_entered_at, accepted_at)"
                + " VALUES (?, ?, ?, ?, 'zhouba', ?, ?, ?)", name, department, stage, budget, ts(createdAt), ts(createdAt), ts(acceptedAt));
    }

    public void projectSystem(long project, String system) {
        jdbc.update("INSERT INTO del_project_system (project_id, system_code) VALUES (?, ?)", project, system);
    }

    public void projectVersion(long project, long version) {
        jdbc.update("INSERT INTO del_project_version (project_id, version_id) VALUES (?, ?)", project, version);
    }

    /** A stage the project was in from {@code entered} for {@code days} (null: still in it). */
    public void stage(long project, String stage, Instant entered, Double days) {
        Instant left = days == null ? null : entered.plusSeconds(Math.round(days * 86_400));
        jdbc.update("INSERT INTO del_project_stage (project_id, stage, entered_at, left_at, actor) VALUES (?, ?, ?, ?, 'zhouba')",
                project, stage, ts(entered), ts(left));
    }

    public void cost(long project, String kind, String amount, LocalDate on) {
        jdbc.update("INSERT INTO del_project_cost (project_id, kind, amount, occurred_on, recorded_by, recorded_at)"
                + " VALUES (?, ?, ?, ?, 'zhouba', ?)", project, kind, new BigDecimal(amount), Date.valueOf(on), ts(Instant.now()));
    }

    public void survey(long project, String department, int score, String by) {
        jdbc.update("INSERT INTO del_project_survey (project_id, department, score, answered_by, answered_at) VALUES (?, ?, ?, ?, ?)",
                project, department, score, by, ts(Instant.now()));
    }

    public long version(String system, String label, Instant createdAt) {
        return insert("INSERT INTO del_version (system_code, version, created_by, created_at) VALUES (?, ?, 'wujiu', ?)",
                system, label, ts(createdAt));
    }

    public long artifact(long version) {
        return insert("INSERT INTO del_artifact (version_id, name, sha256, size_bytes, stage, uploaded_by, uploaded_at)"
                + " VALUES (?, 'app.jar', ?, 1, 'production', 'wujiu', ?)", version, "a".repeat(64), ts(Instant.now()));
    }

    /** A test submission with its milestones (null where it has not got so far). */
    public long submission(long version, long artifact, String system, Instant submitted, Instant accepted, Instant verdict,
                           Boolean passed, Instant qcReviewed) {
        return insert("INSERT INTO del_test_submission (version_id, artifact_id, system_code, version_label, state, scope_demand_ids,"
                + " submitted_by, submitted_at, tester, accepted_at, verdict_passed, completed_at, qc_reviewer, qc_reviewed_at, updated_at)"
                + " VALUES (?, ?, ?, 'v', 'PASSED', '', 'wujiu', ?, 'zhengshi', ?, ?, ?, ?, ?, ?)", version, artifact, system,
                ts(submitted), ts(accepted), passed, ts(verdict), qcReviewed == null ? null : "chenqc", ts(qcReviewed), ts(submitted));
    }

    /** A change with approving decisions at the given times; complete when {@code approvalsComplete}. */
    public long change(long submission, long version, long artifact, String system, boolean approvalsComplete, Instant submitted,
                       List<Instant> approvals) {
        long id = insert("INSERT INTO del_change (change_key, test_submission_id, version_id, artifact_id, system_code, critical, state,"
                + " risk, change_window, rollback_plan, affected_systems, compliance_relevant, emergency, required_roles,"
                + " approvals_complete, submitted_by, submitted_at, updated_at) VALUES (?, ?, ?, ?, ?, FALSE, 'APPROVED', 'low', 'w', 'r',"
                + " '', FALSE, FALSE, 'QC,OPS,IT_MANAGER', ?, 'wujiu', ?, ?)", "CHG-CK-" + System.nanoTime(), submission, version, artifact,
                system, approvalsComplete, ts(submitted), ts(submitted));
        // the values the change flow writes (PlatformRole names): the delivery pages read these rows too
        String[] approvers = {"chenqc", "linops", "zhouba", "hegui"};
        String[] roles = {"QC", "OPS", "IT_MANAGER", "COMPLIANCE"};
        for (int i = 0; i < approvals.size(); i++) {
            jdbc.update("INSERT INTO del_change_approval (change_id, role, approver, approved, emergency, after_deploy, decided_at)"
                    + " VALUES (?, ?, ?, TRUE, FALSE, FALSE, ?)", id, roles[i], approvers[i], ts(approvals.get(i)));
        }
        return id;
    }

    public long deployment(long version, long artifact, String system, String environment, String state, Instant finished) {
        return insert("INSERT INTO del_deployment (artifact_id, version_id, system_code, environment, target, executor, artifact_sha256,"
                + " state, requested_by, requested_at, started_at, finished_at) VALUES (?, ?, ?, ?, 'default', 'embedded', ?, ?, 'linops', ?, ?, ?)",
                artifact, version, system, environment, "a".repeat(64), state, ts(finished.minusSeconds(60)),
                ts(finished.minusSeconds(60)), ts(finished));
    }

    /** A demand in demand-portal's table; {@code closed} null while open. */
    public long demand(String title, String department, String state, Instant closed, Integer valueScore, String estimate,
                       String actual) {
        Instant submitted = closed == null ? at("2026-01-05T00:00:00Z") : closed.minusSeconds(30L * 86_400);
        return insert("INSERT INTO cf_demand (title, description, department, requester, category, urgency, regulatory, state,"
                + " value_score, estimate_days, actual_days, submitted_at, submitted_month, closed_at, closed_month)"
                + " VALUES (?, 'd', ?, 'zhangsan', 'FEATURE', 'NORMAL', FALSE, ?, ?, ?, ?, ?, ?, ?, ?)", title, department, state,
                valueScore, estimate == null ? null : new BigDecimal(estimate), actual == null ? null : new BigDecimal(actual),
                ts(submitted), month(submitted), ts(closed), closed == null ? null : month(closed));
    }

    public void demandTask(long demand) {
        jdbc.update("INSERT INTO cf_demand_task (demand_id, title, status, sync_state, updated_at) VALUES (?, 't', 'DONE', 'LOCAL', ?)",
                demand, ts(Instant.now()));
    }

    public void versionDemand(long version, long demand) {
        jdbc.update("INSERT INTO del_version_demand (version_id, demand_id) VALUES (?, ?)", version, demand);
    }

    private long insert(String sql, Object... args) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement(sql, new String[] {"id"});
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        }, keys);
        return keys.getKeyAs(Number.class) == null ? keys.getKeys().values().stream().map(v -> ((Number) v).longValue())
                .findFirst().orElseThrow() : keys.getKeyAs(Number.class).longValue();
    }

    private static String month(Instant i) {
        return i.atOffset(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7);
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
