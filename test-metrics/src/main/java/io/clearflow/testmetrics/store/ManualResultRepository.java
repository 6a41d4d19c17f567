package io.clearflow.testmetrics.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of {@code tm_manual_result}: executions of manual plan cases, the latest per case being its status. */
@Repository
public class ManualResultRepository {

    public record ManualResultRow(long id, long planCaseId, String status, String note, String defectKey,
                                  String recordedBy, Instant recordedAt) {
    }

    static final String COLUMNS = "id, plan_case_id, status, note, defect_key, recorded_by, recorded_at";
    static final RowMapper<ManualResultRow> ROW = (rs, i) -> new ManualResultRow(rs.getLong("id"),
            rs.getLong("plan_case_id"), rs.getString("status"), rs.getString("note"), rs.getString("defect_key"),
            rs.getString("recorded_by"), Sql.instant(rs, "recorded_at"));

    private final JdbcTemplate jdbc;

    public ManualResultRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long planCaseId, String status, String note, String defectKey, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO tm_manual_result (plan_case_id, status, note, defect_key, recorded_by, "
                    + "recorded_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, planCaseId);
            ps.setString(2, status);
            ps.setString(3, note);
            ps.setString(4, defectKey);
            ps.setString(5, by);
            ps.setObject(6, Sql.utc(at));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** The latest result of each case of a plan that has one. */
    public Map<Long, ManualResultRow> latestOfPlan(long planId) {
        Map<Long, ManualResultRow> out = new HashMap<>();
        jdbc.query("SELECT r.id, r.plan_case_id, r.status, r.note, r.defect_key, r.recorded_by, r.recorded_at"
                + " FROM tm_manual_result r JOIN tm_plan_case c ON c.id = r.plan_case_id WHERE c.plan_id = ? "
                + "AND r.id = (SELECT MAX(l.id) FROM tm_manual_result l WHERE l.plan_case_id = r.plan_case_id)",
                rs -> {
                    ManualResultRow row = ROW.mapRow(rs, 0);
                    out.put(row.planCaseId(), row);
                }, planId);
        return out;
    }

    /** Defect keys named by the executions of each case of a plan. */
    public Map<Long, Set<String>> defectsOfPlan(long planId) {
        Map<Long, Set<String>> out = new HashMap<>();
        jdbc.query("SELECT r.plan_case_id, r.defect_key FROM tm_manual_result r JOIN tm_plan_case c ON c.id = r.plan_case_id "
                + "WHERE c.plan_id = ? AND r.defect_key IS NOT NULL", rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
                }, planId);
        return out;
    }

    public List<ManualResultRow> ofCase(long planCaseId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM tm_manual_result WHERE plan_case_id = ? ORDER BY id", ROW, planCaseId);
    }

    /** Results recorded against the cases of a plan. */
    public int countOfPlan(long planId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tm_manual_result r JOIN tm_plan_case c ON c.id = r.plan_case_id "
                + "WHERE c.plan_id = ?", Integer.class, planId);
    }
}
