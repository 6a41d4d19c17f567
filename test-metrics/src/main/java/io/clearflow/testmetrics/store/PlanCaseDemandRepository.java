package io.clearflow.testmetrics.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** SQL of {@code tm_plan_case_demand}: which demands (plain ids of the demand portal) a plan case covers. */
@Repository
public class PlanCaseDemandRepository {

    private final JdbcTemplate jdbc;

    public PlanCaseDemandRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Map<Long, Set<Long>> demandsByCase) {
        List<Object[]> rows = new ArrayList<>();
        demandsByCase.forEach((caseId, demands) -> demands.forEach(d -> rows.add(new Object[] {caseId, d})));
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO tm_plan_case_demand (plan_case_id, demand_id) VALUES (?, ?)", rows);
        }
    }

    /** Demand ids per case of a plan (cases without demands are absent). */
    public Map<Long, Set<Long>> ofPlan(long planId) {
        Map<Long, Set<Long>> out = new HashMap<>();
        jdbc.query("SELECT d.plan_case_id, d.demand_id FROM tm_plan_case_demand d JOIN tm_plan_case c ON c.id = d.plan_case_id "
                + "WHERE c.plan_id = ?", rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getLong(2));
                }, planId);
        return out;
    }

    public void deleteOfPlan(long planId) {
        jdbc.update("DELETE FROM tm_plan_case_demand WHERE plan_case_id IN (SELECT id FROM tm_plan_case WHERE plan_id = ?)",
                planId);
    }
}
