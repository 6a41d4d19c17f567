package io.clearflow.delivery.cockpit;

import io.clearflow.delivery.project.ProjectRepository.CostedProject;
import io.clearflow.delivery.project.ProjectStage;
import io.clearflow.delivery.project.StageHistoryRepository;
import io.clearflow.delivery.project.SurveyRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The cockpit's figures computed from the rows read for a filter, no Spring and no queries (see {@link Cockpit} and
 * the README's "IT cockpit" for every definition).
 */
final class CockpitFigures {

    /** The hand-offs between R&D, testing, QC and ops, in order, with the milestones they run between. */
    record HandoffSpec(String key, String from, String to, String roles, Function<FlowRow, Instant> start,
                       Function<FlowRow, Instant> end) {
    }

    static final List<HandoffSpec> HANDOFFS = List.of(
            new HandoffSpec("dev-to-test", "versionCreated", "submitted", "rd-testing", FlowRow::createdAt, FlowRow::submittedAt),
            new HandoffSpec("test-pickup", "submitted", "accepted", "testing", FlowRow::submittedAt, FlowRow::acceptedAt),
            new HandoffSpec("testing", "accepted", "verdict", "testing", FlowRow::acceptedAt, FlowRow::verdictAt),
            new HandoffSpec("test-to-qc", "verdict", "qcReviewed", "testing-qc", FlowRow::verdictAt, FlowRow::qcReviewedAt),
            new HandoffSpec("qc-to-ops", "qcReviewed", "changeApproved", "qc-ops", FlowRow::qcReviewedAt, FlowRow::changeApprovedAt),
            new HandoffSpec("ops-to-production", "changeApproved", "deployed", "ops", FlowRow::changeApprovedAt, FlowRow::deployedAt),
            new HandoffSpec("total", "versionCreated", "deployed", "rd-ops", FlowRow::createdAt, FlowRow::deployedAt));

    private CockpitFigures() {
    }

    static Map<String, Long> byStage(List<CostedProject> projects) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ProjectStage s : ProjectStage.values()) {
            counts.put(s.code(), 0L);
        }
        for (CostedProject p : projects) {
            counts.merge(p.stage(), 1L, Long::sum);
        }
        return counts;
    }

    static Cockpit.Budget budget(List<CostedProject> projects, DepartmentNames names) {
        Map<String, BigDecimal[]> byStage = new LinkedHashMap<>();
        for (ProjectStage s : ProjectStage.values()) {
            byStage.put(s.code(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        }
        Map<String, BigDecimal[]> byDepartment = new TreeMap<>();
        BigDecimal budget = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        for (CostedProject p : projects) {
            BigDecimal b = p.budget() == null ? BigDecimal.ZERO : p.budget();
            BigDecimal a = p.actual() == null ? BigDecimal.ZERO : p.actual();
            budget = budget.add(b);
            actual = actual.add(a);
            for (BigDecimal[] acc : List.of(byStage.computeIfAbsent(p.stage(), k -> zeros()),
                    byDepartment.computeIfAbsent(p.department(), k -> zeros()))) {
                acc[0] = acc[0].add(BigDecimal.ONE);
                acc[1] = acc[1].add(b);
                acc[2] = acc[2].add(a);
            }
        }
        List<Cockpit.BudgetLine> stages = new ArrayList<>();
        byStage.forEach((k, v) -> stages.add(new Cockpit.BudgetLine(k, null, v[0].longValue(), v[1], v[2])));
        List<Cockpit.BudgetLine> departments = new ArrayList<>();
        byDepartment.forEach((k, v) -> departments.add(new Cockpit.BudgetLine(k, names.of(k), v[0].longValue(), v[1], v[2])));
        return new Cockpit.Budget(budget, actual, stages, departments);
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    static List<Cockpit.StageLeadTime> stageLeadTimes(List<StageHistoryRepository.LeftStage> stages) {
        Map<String, List<Double>> days = new LinkedHashMap<>();
        for (ProjectStage s : ProjectStage.path()) {
            days.put(s.code(), new ArrayList<>());
        }
        for (StageHistoryRepository.LeftStage s : stages) {
            if (s.leftAt() != null && !s.leftAt().isBefore(s.enteredAt())) {
                days.computeIfAbsent(s.stage(), k -> new ArrayList<>())
                        .add(Duration.between(s.enteredAt(), s.leftAt()).toSeconds() / 86_400.0);
            }
        }
        List<Cockpit.StageLeadTime> out = new ArrayList<>();
        days.forEach((stage, values) -> {
            double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
            out.add(new Cockpit.StageLeadTime(stage, v.length, round(Percentiles.of(v, 0.5)), round(Percentiles.of(v, 0.85))));
        });
        return out;
    }

    static List<Cockpit.Handoff> handoffs(List<FlowRow> flows) {
        List<Cockpit.Handoff> out = new ArrayList<>();
        for (HandoffSpec h : HANDOFFS) {
            double[] hours = flows.stream().filter(r -> h.start().apply(r) != null && h.end().apply(r) != null
                            && !h.end().apply(r).isBefore(h.start().apply(r)))
                    .mapToDouble(r -> Duration.between(h.start().apply(r), h.end().apply(r)).toSeconds() / 3600.0).toArray();
            out.add(new Cockpit.Handoff(h.key(), h.from(), h.to(), h.roles(), hours.length, round(Percentiles.of(hours, 0.5)),
                    round(Percentiles.of(hours, 0.85))));
        }
        return out;
    }

    static Cockpit.Quality quality(List<FlowRow> flows) {
        long defects = 0;
        long escaped = 0;
        long prod = 0;
        long failed = 0;
        for (FlowRow r : flows) {
            defects += r.defects();
            escaped += r.escapedDefects();
            prod += r.prodDeployments();
            failed += r.prodFailed();
        }
        return new Cockpit.Quality(flows.size(), defects, escaped, prod, failed, prod == 0 ? null : ratio(failed, prod));
    }

    static Cockpit.DemandSuccess success(CockpitRollupRepository.DemandTotals d) {
        return new Cockpit.DemandSuccess(d.decided(), d.accepted(), d.decided() == 0 ? null : ratio(d.accepted(), d.decided()));
    }

    static Cockpit.Satisfaction satisfaction(List<SurveyRepository.DepartmentTotal> totals, DepartmentNames names) {
        Map<String, long[]> byDepartment = new TreeMap<>();
        long n = 0;
        long sum = 0;
        for (SurveyRepository.DepartmentTotal s : totals) {
            long[] acc = byDepartment.computeIfAbsent(s.department(), k -> new long[2]);
            acc[0] += s.responses();
            acc[1] += s.scoreSum();
            n += s.responses();
            sum += s.scoreSum();
        }
        List<Cockpit.DepartmentScore> departments = new ArrayList<>();
        byDepartment.forEach((d, acc) -> departments.add(new Cockpit.DepartmentScore(d, names.of(d), acc[0],
                ratio(acc[1], acc[0]))));
        return new Cockpit.Satisfaction(n, n == 0 ? null : ratio(sum, n), departments);
    }

    /** {@code people}: members with a delivery role, see {@link DeliveryTeam}. */
    static Cockpit.TeamEfficiency teamEfficiency(long people, CockpitFilter f, List<FlowRow> flows,
                                                 CockpitRollupRepository.DemandTotals demands) {
        long months = months(f, flows);
        long personMonths = people * months;
        long deliveries = flows.stream().filter(r -> r.deployedAt() != null).count();
        BigDecimal points = demands.estimatedDays() == null ? BigDecimal.ZERO : demands.estimatedDays();
        return new Cockpit.TeamEfficiency(people, months, personMonths, deliveries,
                personMonths == 0 ? null : ratio(deliveries, personMonths), points,
                personMonths == 0 ? null : round(points.doubleValue() / personMonths));
    }

    /** Calendar months the period touches; without one, those from the first to the last version in scope. */
    static long months(CockpitFilter f, List<FlowRow> flows) {
        YearMonth first = f.from() != null ? YearMonth.from(f.from()) : flows.stream().map(FlowRow::createdAt)
                .min(Instant::compareTo).map(i -> YearMonth.from(i.atOffset(ZoneOffset.UTC))).orElse(null);
        YearMonth last = f.to() != null ? YearMonth.from(f.to()) : flows.stream().map(FlowRow::createdAt)
                .max(Instant::compareTo).map(i -> YearMonth.from(i.atOffset(ZoneOffset.UTC))).orElse(null);
        if (first == null || last == null || last.isBefore(first)) {
            return 1;
        }
        return first.until(last, ChronoUnit.MONTHS) + 1;
    }

    static Double ratio(long a, long b) {
        return b == 0 ? null : round((double) a / b);
    }

    /** Four decimals: enough for a rate shown as a percentage with two, and stable in JSON. */
    static Double round(Double v) {
        return v == null ? null : BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
