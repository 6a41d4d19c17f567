package io.clearflow.demand.lifecycle;

import io.clearflow.demand.api.DemandState;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-side lists: my demands, a department's, a kanban column, versions. */
@Service
public class DemandQueries {

    /** A target version with its demands and task progress. */
    public record VersionRow(String version, long demands, long done, long tasks, long tasksDone,
                             java.math.BigDecimal estimatedDays, java.math.BigDecimal actualDays) { }

    private final DemandRepository repository;
    private final DemandTaskRepository taskRepository;
    private final JdbcTemplate jdbc;

    public DemandQueries(DemandRepository repository, DemandTaskRepository taskRepository, JdbcTemplate jdbc) {
        this.repository = repository;
        this.taskRepository = taskRepository;
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

    /**
     * What a kanban shows: the reader's department scope plus optional category, urgency, target
     * version and a text (words of the title, or a demand number such as DEM-42).
     */
    public record BoardFilter(String department, String category, String urgency, String version, String text) {

        public BoardFilter {
            department = blankToNull(department);
            category = blankToNull(category);
            urgency = blankToNull(urgency);
            version = blankToNull(version);
            text = blankToNull(text);
            if (text != null && text.length() > 200) {
                throw new InvalidRequestException("search text too long", Map.of("q", "at most 200 characters"));
            }
        }

        /** True when only the department narrows the board (column counts can come from the statistics rollup). */
        public boolean departmentOnly() {
            return category == null && urgency == null && version == null && text == null;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    /** A filter's SQL conditions (after {@code WHERE 1 = 1}) and arguments; the department is the checked scope. */
    private static void where(BoardFilter filter, String scope, StringBuilder sql, List<Object> args) {
        if (scope != null) {
            sql.append(" AND department = ?");
            args.add(scope);
        }
        if (filter.category() != null) {
            sql.append(" AND category = ?");
            args.add(filter.category());
        }
        if (filter.urgency() != null) {
            sql.append(" AND urgency = ?");
            args.add(filter.urgency());
        }
        if (filter.version() != null) {
            sql.append(" AND target_version = ?");
            args.add(filter.version());
        }
        if (filter.text() != null) {
            java.util.regex.Matcher number = DEMAND_NUMBER.matcher(filter.text());
            if (number.matches()) {
                sql.append(" AND id = ?");
                args.add(Long.parseLong(number.group(1)));
            } else {
                sql.append(" AND LOWER(title) LIKE ? ESCAPE '\\'");
                args.add("%" + filter.text().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                        .replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
    }

    private static final java.util.regex.Pattern DEMAND_NUMBER =
            java.util.regex.Pattern.compile("(?i)(?:DEM-)?(\\d{1,15})");

    /**
     * One kanban column: the newest {@code limit} demands in the state after skipping {@code offset}
     * (index on state or department+state, then id: no sort over the whole column).
     */
    @Transactional(readOnly = true)
    public List<Demand> column(Member member, BoardFilter filter, DemandState state, int offset, int limit) {
        String scope = DemandAccess.departmentScope(member, filter.department());
        StringBuilder sql = new StringBuilder("SELECT " + DemandRepository.DEMAND_COLUMNS
                + " FROM cf_demand WHERE state = ?");
        List<Object> args = new ArrayList<>();
        args.add(state.name());
        where(filter, scope, sql, args);
        // offset and limit as literals (checked ints): with bind parameters PostgreSQL's generic plan
        // cannot see how few rows are wanted and may sort the whole column instead of walking the index
        sql.append(" ORDER BY id DESC OFFSET ").append(Math.max(0, offset)).append(" ROWS FETCH FIRST ")
                .append(Math.max(1, limit)).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), DemandRepository.DEMAND, args.toArray());
    }

    /** Column counts under a filter: one grouped COUNT. */
    @Transactional(readOnly = true)
    public Map<DemandState, Long> counts(Member member, BoardFilter filter) {
        String scope = DemandAccess.departmentScope(member, filter.department());
        Map<DemandState, Long> counts = new java.util.EnumMap<>(DemandState.class);
        for (DemandState s : DemandState.values()) {
            counts.put(s, 0L);
        }
        StringBuilder sql = new StringBuilder("SELECT state, COUNT(*) AS n FROM cf_demand WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        where(filter, scope, sql, args);
        sql.append(" GROUP BY state");
        jdbc.query(sql.toString(), rs -> {
            counts.put(DemandState.valueOf(rs.getString("state")), rs.getLong("n"));
        }, args.toArray());
        return counts;
    }

    /** Version tracking: which demands and tasks are in which target version. */
    @Transactional(readOnly = true)
    public List<VersionRow> versions(Member member, String department) {
        String scope = DemandAccess.departmentScope(member, department);
        String where = " WHERE d.target_version IS NOT NULL" + (scope == null ? "" : " AND d.department = ?");
        Object[] args = scope == null ? new Object[0] : new Object[] {scope};
        Map<String, long[]> tasks = taskRepository.countsByTargetVersion(scope);
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
        return taskRepository.ofDemand(demandId);
    }
}
