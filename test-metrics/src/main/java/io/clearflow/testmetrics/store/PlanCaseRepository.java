package io.clearflow.testmetrics.store;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL of {@code tm_plan_case}: the cases of a test plan, automated or manual, in the plan's order. */
@Repository
public class PlanCaseRepository {

    public record PlanCaseRow(long id, long planId, int position, String key, String title, boolean automated) {
    }

    /** A case to insert. */
    public record NewCase(String key, String title, boolean automated) {
    }

    static final String COLUMNS = "id, plan_id, position, case_key, title, automated";
    static final RowMapper<PlanCaseRow> ROW = (rs, i) -> new PlanCaseRow(rs.getLong("id"), rs.getLong("plan_id"),
            rs.getInt("position"), rs.getString("case_key"), rs.getString("title"), rs.getBoolean("automated"));

    private final JdbcTemplate jdbc;

    public PlanCaseRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the cases in order (position = index) and answers their ids in the same order. */
    public List<Long> insert(long planId, List<NewCase> cases) {
        int[] position = {0};
        jdbc.batchUpdate("INSERT INTO tm_plan_case (plan_id, position, case_key, title, automated) VALUES (?, ?, ?, ?, ?)",
                cases, 500, (ps, c) -> {
                    ps.setLong(1, planId);
                    ps.setInt(2, position[0]++);
                    ps.setString(3, c.key());
                    ps.setString(4, c.title());
                    ps.setBoolean(5, c.automated());
                });
        return jdbc.queryForList("SELECT id FROM tm_plan_case WHERE plan_id = ? ORDER BY position", Long.class, planId);
    }

    public Optional<PlanCaseRow> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM tm_plan_case WHERE id = ?", ROW, id).stream().findFirst();
    }

    public List<PlanCaseRow> ofPlan(long planId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM tm_plan_case WHERE plan_id = ? ORDER BY position", ROW, planId);
    }

    public void deleteOfPlan(long planId) {
        jdbc.update("DELETE FROM tm_plan_case WHERE plan_id = ?", planId);
    }
}
