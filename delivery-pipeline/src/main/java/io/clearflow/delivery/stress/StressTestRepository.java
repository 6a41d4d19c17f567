package io.clearflow.delivery.stress;

import static io.clearflow.delivery.jdbc.StateRows.instant;
import static io.clearflow.delivery.jdbc.StateRows.utc;

import io.clearflow.delivery.jdbc.StateRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_stress_test}. */
@Repository
class StressTestRepository {

    private static final String COLUMNS = "id, version_id, system_code, version_label, state, case_id, scenarios_wanted, "
            + "requested_by, requested_at, plan_object, plan_metrics, plan_method, plan_resources, plan_risks, planned_by, "
            + "scenarios, designed_by, executed_by, report_environment, report_cases, report_process, report_anomalies, "
            + "report_conclusion, reported_by, verdict_passed, verdict, confirmed_by, confirmed_at, upgrade_risk, "
            + "confirm_comment, verified_by, verified_at, verified_passed, verification";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    StressTestRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    long insert(long versionId, String system, String version, String scenariosWanted, String caseId, String by,
                Instant now) {
        var keys = new GeneratedKeyHolder();
        named.update("INSERT INTO del_stress_test (version_id, system_code, version_label, state, case_id, "
                        + "scenarios_wanted, requested_by, requested_at, updated_at) VALUES (:version, :system, :label, "
                        + ":state, :caseId, :wanted, :by, :now, :now)",
                new MapSqlParameterSource().addValue("version", versionId).addValue("system", system)
                        .addValue("label", version).addValue("state", StressState.PLANNING.name())
                        .addValue("caseId", caseId).addValue("wanted", scenariosWanted).addValue("by", by)
                        .addValue("now", utc(now)), keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    Optional<StressTest> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM del_stress_test WHERE id = ?", StressTestRepository::row, id)
                .stream().findFirst();
    }

    List<StressTest> ofVersion(long versionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM del_stress_test WHERE version_id = ? ORDER BY id DESC",
                StressTestRepository::row, versionId);
    }

    List<StressTest> latest(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM del_stress_test ORDER BY id DESC FETCH FIRST " + limit
                + " ROWS ONLY", StressTestRepository::row);
    }

    /** The system's newest accepted (archived or verified) stress test before {@code beforeId}: the comparison base. */
    Optional<StressTest> previousAccepted(String system, long beforeId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM del_stress_test WHERE system_code = ? AND id < ? AND state IN "
                        + "('ARCHIVED', 'VERIFIED') ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", StressTestRepository::row,
                system, beforeId).stream().findFirst();
    }

    // Each move below returns false when the test was no longer in the state it moves from (a concurrent move won).

    /** The plan is in: planning moves on to designing. */
    boolean planned(long id, StressTest.Plan plan, String by, Instant now) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("plan_object", plan.object());
        columns.put("plan_metrics", plan.metrics());
        columns.put("plan_method", plan.method());
        columns.put("plan_resources", plan.resources());
        columns.put("plan_risks", plan.risks());
        columns.put("planned_by", by);
        return move(id, StressState.PLANNING, StressState.DESIGNING, columns, now);
    }

    boolean designed(long id, String scenarios, String by, Instant now) {
        return move(id, StressState.DESIGNING, StressState.EXECUTING, Map.of("scenarios", scenarios, "designed_by", by),
                now);
    }

    boolean executed(long id, String by, Instant now) {
        return move(id, StressState.EXECUTING, StressState.REPORTING, Map.of("executed_by", by), now);
    }

    /** The report goes to ops with the verdict it fixes ({@code verdictJson}). */
    boolean reported(long id, StressTest.Report report, String by, boolean passed, String verdictJson, Instant now) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("report_environment", report.environment());
        columns.put("report_cases", report.cases());
        columns.put("report_process", report.process());
        columns.put("report_anomalies", report.anomalies());
        columns.put("report_conclusion", report.conclusion());
        columns.put("reported_by", by);
        columns.put("verdict_passed", passed);
        columns.put("verdict", verdictJson);
        return move(id, StressState.REPORTING, StressState.CONFIRMING, columns, now);
    }

    /** Ops confirmed the report with the upgrade risk: archived, confirmed now. */
    boolean archived(long id, String by, String upgradeRisk, String comment, Instant now) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("confirm_comment", comment);
        columns.put("confirmed_by", by);
        columns.put("confirmed_at", now);
        columns.put("upgrade_risk", upgradeRisk);
        return move(id, StressState.CONFIRMING, StressState.ARCHIVED, columns, now);
    }

    /** Ops sent the report back: the verdict it fixed goes, so the next report judges the results again. */
    boolean sentBack(long id, String comment, Instant now) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("confirm_comment", comment);
        columns.put("verdict_passed", null);
        columns.put("verdict", null);
        return move(id, StressState.CONFIRMING, StressState.REPORTING, columns, now);
    }

    /** The final verification in production, recorded now. */
    boolean verified(long id, String by, boolean passed, String verification, Instant now) {
        return move(id, StressState.ARCHIVED, StressState.VERIFIED, Map.of("verified_by", by, "verified_at", now,
                "verified_passed", passed, "verification", verification), now);
    }

    /** Moves the state if it still is {@code from}; the other columns are this class's own names. */
    private boolean move(long id, StressState from, StressState to, Map<String, Object> columns, Instant now) {
        return StateRows.move(named, "del_stress_test", id, from, to, columns, now);
    }

    private static StressTest row(ResultSet rs, int n) throws SQLException {
        return new StressTest(rs.getLong("id"), rs.getLong("version_id"), rs.getString("system_code"),
                rs.getString("version_label"), StressState.valueOf(rs.getString("state")), rs.getString("case_id"),
                rs.getString("scenarios_wanted"), rs.getString("requested_by"), instant(rs, "requested_at"),
                new StressTest.Plan(rs.getString("plan_object"), rs.getString("plan_metrics"),
                        rs.getString("plan_method"), rs.getString("plan_resources"), rs.getString("plan_risks")),
                rs.getString("planned_by"), rs.getString("scenarios"), rs.getString("designed_by"),
                rs.getString("executed_by"), new StressTest.Report(rs.getString("report_environment"),
                        rs.getString("report_cases"), rs.getString("report_process"), rs.getString("report_anomalies"),
                        rs.getString("report_conclusion")), rs.getString("reported_by"),
                (Boolean) rs.getObject("verdict_passed"), rs.getString("verdict"), rs.getString("confirmed_by"),
                instant(rs, "confirmed_at"), rs.getString("upgrade_risk"), rs.getString("confirm_comment"),
                rs.getString("verified_by"), instant(rs, "verified_at"), (Boolean) rs.getObject("verified_passed"),
                rs.getString("verification"));
    }
}
