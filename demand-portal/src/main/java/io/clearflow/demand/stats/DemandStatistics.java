package io.clearflow.demand.stats;

import io.clearflow.demand.api.DemandState;
import io.clearflow.demand.lifecycle.DemandAccess;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-business-department figures for IT management and the year-end review. Counts and sums come
 * from the pre-aggregation {@code cf_demand_rollup} (see {@link DemandRollup}); the p90 lead time,
 * which no sum can give, is read exactly from an index on the stored lead times.
 *
 * <p>Definitions: lead time runs from submission to the requester's business acceptance (closed
 * demands only); p90 is the nearest-rank 90th percentile; workload compares the evaluation's
 * estimate with the actual person-days of closed demands; on time means delivered on or before
 * the expected date (closed demands that had one); first-time acceptance means closed without a
 * rejected acceptance. Months are UTC calendar months of submission (or closing, for the trend).
 */
@Service
public class DemandStatistics {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    public record DepartmentFigures(String department, Map<DemandState, Long> counts, long total, long closed,
                                    Double leadMeanDays, Double leadP90Days, BigDecimal estimatedDays,
                                    BigDecimal actualDays, Double onTimeRate, Double firstTimeAcceptanceRate) { }

    public record MonthFigures(String month, long submitted, long closed) { }

    public record Figures(String scope, String from, String to, List<DepartmentFigures> departments,
                          DepartmentFigures all, List<MonthFigures> trend) { }

    private final JdbcTemplate jdbc;

    public DemandStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Figures visible to the member: every department for IT management, their own for the others. */
    @Transactional(readOnly = true)
    public Figures figures(Member member, String department, String fromMonth, String toMonth) {
        String scope = DemandAccess.departmentScope(member, department);
        checkMonth("from", fromMonth);
        checkMonth("to", toMonth);
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        if (scope != null) {
            where.append(" AND department = ?");
            args.add(scope);
        }
        if (fromMonth != null && !fromMonth.isBlank()) {
            where.append(" AND submitted_month >= ?");
            args.add(fromMonth);
        }
        if (toMonth != null && !toMonth.isBlank()) {
            where.append(" AND submitted_month <= ?");
            args.add(toMonth);
        }
        Object[] a = args.toArray();
        Map<String, Accumulator> byDepartment = new TreeMap<>();
        Accumulator all = new Accumulator();
        Map<String, long[]> months = new TreeMap<>();
        // one read of the pre-aggregation (a few rows per department and month) gives every sum
        jdbc.query("SELECT " + DemandRollup.COLUMNS + " FROM cf_demand_rollup WHERE demands <> 0" + where, rs -> {
            DemandState state = DemandState.valueOf(rs.getString("state"));
            long n = rs.getLong("demands");
            Accumulator acc = byDepartment.computeIfAbsent(rs.getString("department"), d -> new Accumulator());
            months.computeIfAbsent(rs.getString("submitted_month"), m -> new long[2])[0] += n;
            if (state == DemandState.DONE) {
                months.computeIfAbsent(rs.getString("closed_month"), m -> new long[2])[1] += n;
            }
            for (Accumulator target : List.of(acc, all)) {
                target.count(state, n);
                target.estimated = target.estimated.add(rs.getBigDecimal("estimated_days"));
                target.actual = target.actual.add(rs.getBigDecimal("actual_days"));
                target.onTime += rs.getLong("on_time");
                target.withDate += rs.getLong("with_date");
                target.firstTime += rs.getLong("first_time");
                target.leadCount += rs.getLong("lead_count");
                target.leadSum += rs.getLong("lead_seconds");
            }
        }, a);
        List<DepartmentFigures> departments = new ArrayList<>();
        byDepartment.forEach((d, acc) -> {
            acc.p90 = p90(d, acc.leadCount, fromMonth, toMonth);
            departments.add(acc.figures(d));
        });
        all.p90 = scope != null && byDepartment.containsKey(scope) ? byDepartment.get(scope).p90
                : p90(null, all.leadCount, fromMonth, toMonth);
        List<MonthFigures> trend = new ArrayList<>();
        months.forEach((m, n) -> trend.add(new MonthFigures(m, n[0], n[1])));
        return new Figures(scope, blankToNull(fromMonth), blankToNull(toMonth), departments, all.figures(null), trend);
    }

    /** Demands per lifecycle state (kanban column counts) from the pre-aggregation; {@code null} = all departments. */
    @Transactional(readOnly = true)
    public Map<DemandState, Long> countsByState(String department) {
        Map<DemandState, Long> counts = new EnumMap<>(DemandState.class);
        for (DemandState s : DemandState.values()) {
            counts.put(s, 0L);
        }
        jdbc.query("SELECT state, SUM(demands) AS n FROM cf_demand_rollup" + (department == null ? "" : " WHERE department = ?")
                + " GROUP BY state", rs -> {
                    counts.put(DemandState.valueOf(rs.getString("state")), rs.getLong("n"));
                }, department == null ? new Object[0] : new Object[] {department});
        return counts;
    }

    /**
     * Nearest-rank p90 of the lead times of the closed demands in range: the rank is known from the
     * rollup's count, so the value is read by walking the lead-time index from the longest lead time
     * down, skipping the top (count - rank) rows: about a tenth of the closed demands, exact, one
     * query per department. A histogram would be cheaper still but only approximate.
     */
    private Long p90(String department, long count, String fromMonth, String toMonth) {
        if (count == 0) {
            return null;
        }
        long rank = (long) Math.ceil(0.9 * count);
        StringBuilder sql = new StringBuilder("SELECT lead_seconds FROM cf_demand WHERE state = 'DONE'");
        List<Object> args = new ArrayList<>();
        if (department != null) {
            sql.append(" AND department = ?");
            args.add(department);
        }
        sql.append(" AND lead_seconds IS NOT NULL");
        if (fromMonth != null && !fromMonth.isBlank()) {
            sql.append(" AND submitted_month >= ?");
            args.add(fromMonth);
        }
        if (toMonth != null && !toMonth.isBlank()) {
            sql.append(" AND submitted_month <= ?");
            args.add(toMonth);
        }
        sql.append(" ORDER BY lead_seconds DESC OFFSET ? ROWS FETCH FIRST 1 ROW ONLY");
        args.add(count - rank);
        List<Long> value = jdbc.queryForList(sql.toString(), Long.class, args.toArray());
        return value.isEmpty() ? null : value.get(0);
    }

    private static void checkMonth(String field, String month) {
        if (month != null && !month.isBlank() && !MONTH.matcher(month).matches()) {
            throw new InvalidRequestException("months are written yyyy-MM", Map.of(field, "yyyy-MM"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static final class Accumulator {
        final Map<DemandState, Long> counts = new EnumMap<>(DemandState.class);
        long total;
        BigDecimal estimated = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        long onTime;
        long withDate;
        long firstTime;
        long leadCount;
        long leadSum;
        Long p90;

        Accumulator() {
            for (DemandState s : DemandState.values()) {
                counts.put(s, 0L);
            }
        }

        void count(DemandState state, long n) {
            counts.merge(state, n, Long::sum);
            total += n;
        }

        DepartmentFigures figures(String department) {
            long closed = counts.get(DemandState.DONE);
            Double mean = leadCount == 0 ? null : leadSum / (double) leadCount / 86_400d;
            Double p90Days = p90 == null ? null : p90 / 86_400d;
            return new DepartmentFigures(department, Map.copyOf(counts), total, closed, mean, p90Days, estimated, actual,
                    withDate == 0 ? null : onTime / (double) withDate, closed == 0 ? null : firstTime / (double) closed);
        }
    }
}
