package io.clearflow.demand.lifecycle;

import io.clearflow.demand.api.DemandState;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-side lists: my demands, a department's, a kanban column, versions. */
@Service
public class DemandQueries {

    public static final int BOARD_COLUMN_LIMIT = 30;

    /** A target version with its demands and task progress. */
    public record VersionRow(String version, long demands, long done, long tasks, long tasksDone,
                             java.math.BigDecimal estimatedDays, java.math.BigDecimal actualDays) { }

    private final DemandRepository repository;
    private final JdbcTemplate jdbc;

    public DemandQueries(DemandRepository repository, JdbcTemplate jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Demand> list(Member member, boolean mine, String department, int page, int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new InvalidRequestException("page >= 0, size 1..200", Map.of("size", "1..200"));
        }
        if (mine) {
            return repository.byRequester(member.userId(), page * size, size);
        }
        String scope = DemandAccess.departmentScope(member, department == null ? member.department() : department);
        return scope == null ? repository.byRequester(member.userId(), page * size, size)
                : repository.byDepartment(scope, page * size, size);
    }

    @Transactional(readOnly = true)
    public Map<Long, String> states(Member member, List<Long> ids) {
        if (ids.size() > 200) {
            throw new InvalidRequestException("at most 200 ids", Map.of("ids", "1..200"));
        }
        Map<Long, String> states = new LinkedHashMap<>();
        for (Long id : ids) {
            repository.find(id).filter(d -> DemandAccess.mayView(member, d))
                    .ifPresent(d -> states.put(d.id(), d.state().name()));
        }
        return states;
    }

    /** Kanban: per state, the newest cards (and the full count) of the visible departments. */
    @Transactional(readOnly = true)
    public Map<DemandState, List<Demand>> board(Member member, String department) {
        String scope = DemandAccess.departmentScope(member, department);
        Map<DemandState, List<Demand>> board = new LinkedHashMap<>();
        for (DemandState state : DemandState.values()) {
            board.put(state, repository.inState(state, scope, BOARD_COLUMN_LIMIT));
        }
        return board;
    }

    @Transactional(readOnly = true)
    public Map<DemandState, Long> counts(Member member, String department) {
        return repository.countByState(DemandAccess.departmentScope(member, department));
    }

    /** Version tracking: which demands and tasks are in which target version. */
    @Transactional(readOnly = true)
    public List<VersionRow> versions(Member member, String department) {
        String scope = DemandAccess.departmentScope(member, department);
        String where = " WHERE d.target_version IS NOT NULL" + (scope == null ? "" : " AND d.department = ?");
        Object[] args = scope == null ? new Object[0] : new Object[] {scope};
        Map<String, long[]> tasks = new java.util.HashMap<>();
        jdbc.query("SELECT d.target_version AS v, COUNT(t.id) AS n, SUM(CASE WHEN t.status = 'DONE' THEN 1 ELSE 0 END) "
                + "AS done FROM cf_demand d JOIN cf_demand_task t ON t.demand_id = d.id" + where
                + " GROUP BY d.target_version", rs -> {
                    tasks.put(rs.getString("v"), new long[] {rs.getLong("n"), rs.getLong("done")});
                }, args);
        return jdbc.query("SELECT d.target_version AS v, COUNT(*) AS n, SUM(CASE WHEN d.state = 'DONE' THEN 1 ELSE 0 END) "
                + "AS done, SUM(d.estimate_days) AS est, SUM(d.actual_days) AS act FROM cf_demand d" + where
                + " GROUP BY d.target_version ORDER BY d.target_version DESC", (rs, i) -> {
                    long[] t = tasks.getOrDefault(rs.getString("v"), new long[2]);
                    return new VersionRow(rs.getString("v"), rs.getLong("n"), rs.getLong("done"), t[0], t[1],
                            rs.getBigDecimal("est"), rs.getBigDecimal("act"));
                }, args);
    }

    /** Demands of one version, for the version page. */
    @Transactional(readOnly = true)
    public List<Demand> inVersion(Member member, String version, String department) {
        String scope = DemandAccess.departmentScope(member, department);
        if (scope == null) {
            return jdbc.query("SELECT " + DemandRepository.DEMAND_COLUMNS + " FROM cf_demand WHERE target_version = ? "
                    + "ORDER BY id DESC FETCH FIRST 200 ROWS ONLY", DemandRepository.DEMAND, version);
        }
        return jdbc.query("SELECT " + DemandRepository.DEMAND_COLUMNS + " FROM cf_demand WHERE target_version = ? AND "
                + "department = ? ORDER BY id DESC FETCH FIRST 200 ROWS ONLY", DemandRepository.DEMAND, version, scope);
    }

    public List<DemandTask> tasks(long demandId) {
        return repository.tasks(demandId);
    }
}
