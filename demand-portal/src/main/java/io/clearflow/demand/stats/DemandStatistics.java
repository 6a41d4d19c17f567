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
 * Per-business-department figures for IT management and the year-end review. A few aggregate
 * queries over cf_demand; lead times are stored when a demand is accepted, so p90 needs only one
 * narrow column.
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
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
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
        jdbc.query("SELECT department, state, COUNT(*) AS n FROM cf_demand" + where + " GROUP BY department, state", rs -> {
            DemandState state = DemandState.valueOf(rs.getString("state"));
            long n = rs.getLong("n");
            byDepartment.computeIfAbsent(rs.getString("department"), d -> new Accumulator()).count(state, n);
            all.count(state, n);
        }, a);
        jdbc.query("SELECT department, SUM(estimate_days) AS estimated, SUM(actual_days) AS actual, "
                + "SUM(CASE WHEN on_time THEN 1 ELSE 0 END) AS on_time, "
                + "SUM(CASE WHEN on_time IS NOT NULL THEN 1 ELSE 0 END) AS with_date, "
                + "SUM(CASE WHEN acceptance_rejections = 0 THEN 1 ELSE 0 END) AS first_time "
                + "FROM cf_demand" + where + " AND state = 'DONE' GROUP BY department", rs -> {
            Accumulator acc = byDepartment.computeIfAbsent(rs.getString("department"), d -> new Accumulator());
            for (Accumulator target : List.of(acc, all)) {
                target.estimated = target.estimated.add(zero(rs.getBigDecimal("estimated")));
                target.actual = target.actual.add(zero(rs.getBigDecimal("actual")));
                target.onTime += rs.getLong("on_time");
                target.withDate += rs.getLong("with_date");
                target.firstTime += rs.getLong("first_time");
            }
        }, a);
        jdbc.query("SELECT department, lead_seconds FROM cf_demand" + where + " AND state = 'DONE'", rs -> {
            long seconds = rs.getLong("lead_seconds");
            byDepartment.computeIfAbsent(rs.getString("department"), d -> new Accumulator()).lead(seconds);
            all.lead(seconds);
        }, a);
        List<DepartmentFigures> departments = new ArrayList<>();
        byDepartment.forEach((d, acc) -> departments.add(acc.figures(d)));
        return new Figures(scope, blankToNull(fromMonth), blankToNull(toMonth), departments, all.figures(null),
                trend(where.toString(), a));
    }

    private List<MonthFigures> trend(String where, Object[] args) {
        Map<String, long[]> months = new TreeMap<>();
        jdbc.query("SELECT submitted_month AS m, COUNT(*) AS n FROM cf_demand" + where + " GROUP BY submitted_month",
                rs -> {
                    months.computeIfAbsent(rs.getString("m"), m -> new long[2])[0] = rs.getLong("n");
                }, args);
        jdbc.query("SELECT closed_month AS m, COUNT(*) AS n FROM cf_demand" + where
                + " AND state = 'DONE' GROUP BY closed_month", rs -> {
                    months.computeIfAbsent(rs.getString("m"), m -> new long[2])[1] = rs.getLong("n");
                }, args);
        List<MonthFigures> trend = new ArrayList<>();
        months.forEach((m, n) -> trend.add(new MonthFigures(m, n[0], n[1])));
        return trend;
    }

    private static void checkMonth(String field, String month) {
        if (month != null && !month.isBlank() && !MONTH.matcher(month).matches()) {
            throw new InvalidRequestException("months are written yyyy-MM", Map.of(field, "yyyy-MM"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** Nearest-rank percentile of sorted values: the smallest value with at least p of them at or below. */
    static long percentile(long[] sorted, int count, double p) {
        int rank = (int) Math.ceil(p * count);
        return sorted[Math.max(0, rank - 1)];
    }

    private static final class Accumulator {
        final Map<DemandState, Long> counts = new EnumMap<>(DemandState.class);
        long total;
        BigDecimal estimated = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        long onTime;
        long withDate;
        long firstTime;
        long[] leads = new long[16];
        int leadCount;
        long leadSum;

        Accumulator() {
            for (DemandState s : DemandState.values()) {
                counts.put(s, 0L);
            }
        }

        void count(DemandState state, long n) {
            counts.merge(state, n, Long::sum);
            total += n;
        }

        void lead(long seconds) {
            if (leadCount == leads.length) {
                leads = java.util.Arrays.copyOf(leads, leads.length * 2);
            }
            leads[leadCount++] = seconds;
            leadSum += seconds;
        }

        DepartmentFigures figures(String department) {
            long closed = counts.get(DemandState.DONE);
            Double mean = null;
            Double p90 = null;
            if (leadCount > 0) {
                java.util.Arrays.sort(leads, 0, leadCount);
                mean = leadSum / (double) leadCount / 86_400d;
                p90 = percentile(leads, leadCount, 0.9) / 86_400d;
            }
            return new DepartmentFigures(department, Map.copyOf(counts), total, closed, mean, p90, estimated, actual,
                    withDate == 0 ? null : onTime / (double) withDate, closed == 0 ? null : firstTime / (double) closed);
        }
    }
}
