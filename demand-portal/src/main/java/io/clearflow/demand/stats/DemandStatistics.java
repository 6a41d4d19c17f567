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

    private final DemandRollupRepository rollup;
    private final DemandStatisticsQueries demands;

    DemandStatistics(DemandRollupRepository rollup, DemandStatisticsQueries demands) {
        this.rollup = rollup;
        this.demands = demands;
    }

    /** Figures visible to the member: every department for IT management, their own for the others. */
    @Transactional(readOnly = true)
    public Figures figures(Member member, String department, String fromMonth, String toMonth) {
        String scope = DemandAccess.departmentScope(member, department);
        checkMonth("from", fromMonth);
        checkMonth("to", toMonth);
        Map<String, Accumulator> byDepartment = new TreeMap<>();
        Accumulator all = new Accumulator();
        Map<String, long[]> months = new TreeMap<>();
        // one read of the pre-aggregation (a few rows per department and month) gives every sum
        for (DemandRollupRepository.Row row : rollup.rows(scope, fromMonth, toMonth)) {
            DemandRollupRepository.Key key = row.key();
            DemandRollupRepository.Figures figures = row.figures();
            months.computeIfAbsent(key.submittedMonth(), m -> new long[2])[0] += figures.demands();
            if (key.state() == DemandState.DONE) {
                months.computeIfAbsent(key.closedMonth(), m -> new long[2])[1] += figures.demands();
            }
            byDepartment.computeIfAbsent(key.department(), d -> new Accumulator()).add(key.state(), figures);
            all.add(key.state(), figures);
        }
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
        return rollup.countsByState(department);
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
        return demands.leadSecondsFromTop(department, count - rank, fromMonth, toMonth).orElse(null);
    }

    private static void checkMonth(String field, String month) {
        if (month != null && !month.isBlank() && !MONTH.matcher(month).matches()) {
            throw new InvalidRequestException("demand.stats.error.month", Map.of(field, "demand.stats.error.monthFormat"));
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

        void add(DemandState state, DemandRollupRepository.Figures f) {
            counts.merge(state, f.demands(), Long::sum);
            total += f.demands();
            estimated = estimated.add(f.estimatedDays());
            actual = actual.add(f.actualDays());
            onTime += f.onTime();
            withDate += f.withDate();
            firstTime += f.firstTime();
            leadCount += f.leadCount();
            leadSum += f.leadSeconds();
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
