package io.clearflow.delivery.cockpit;

import io.clearflow.delivery.project.ProjectRepository;
import io.clearflow.delivery.project.ProjectRepository.CostedProject;
import io.clearflow.delivery.project.ProjectStage;
import io.clearflow.delivery.project.StageHistoryRepository;
import io.clearflow.delivery.project.SurveyRepository;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.identity.OrgDirectory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles the cockpit for a member and a filter (see {@link Cockpit} and the README's "IT cockpit" for every
 * definition). Project figures are read live (a few thousand rows); delivery, quality, demand and completeness
 * figures from the refresher's pre-aggregation (demand-portal's and test-metrics' APIs are read when it is rebuilt).
 */
@Service
public class CockpitService {

    /** Incomplete records listed per chain in the cockpit itself; the drill-down lists up to {@link #DRILL_DOWN}. */
    static final int GAPS_SHOWN = 20;
    static final int DRILL_DOWN = 1000;
    private static final List<PlatformRole> TEAM_ROLES = List.of(PlatformRole.DEVELOPER, PlatformRole.TESTER,
            PlatformRole.QC, PlatformRole.OPS);

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

    private static final long TEAM_TTL_NANOS = 60_000_000_000L;

    /** {size, when counted (nanoTime)}; replaced whole, so readers never see half an update. */
    private volatile long[] team;
    private final ProjectRepository projects;
    private final StageHistoryRepository stageHistory;
    private final SurveyRepository surveys;
    private final CockpitRollupRepository rollup;
    private final Completeness completeness;
    private final OrgDirectory directory;
    private final DepartmentNames names;

    CockpitService(ProjectRepository projects, StageHistoryRepository stageHistory, SurveyRepository surveys,
                   CockpitRollupRepository rollup, Completeness completeness, OrgDirectory directory, DepartmentNames names) {
        this.projects = projects;
        this.stageHistory = stageHistory;
        this.surveys = surveys;
        this.rollup = rollup;
        this.completeness = completeness;
        this.directory = directory;
        this.names = names;
    }

    /** The cockpit the member may see for the filter (their own department for a process owner). */
    @Transactional(readOnly = true)
    public Cockpit cockpit(Member member, CockpitFilter asked) {
        CockpitFilter f = asked.withDepartment(CockpitAccess.scope(member, asked.department()));
        List<CostedProject> projects = this.projects.costed(f.projects());
        List<FlowRow> flows = rollup.flows(f);
        CockpitRollupRepository.DemandTotals demandTotals = rollup.demandTotals(f);
        return new Cockpit(f.department(), names.of(f.department()), f.system(), f.from(), f.to(),
                rollup.lastRefresh().orElse(null), byStage(projects), budget(projects), stageLeadTimes(stageHistory.left(f.projects())),
                handoffs(flows), quality(flows), success(demandTotals), satisfaction(f), teamEfficiency(f, flows, demandTotals),
                List.of(completeness.demands(f, demandTotals, GAPS_SHOWN), completeness.projects(f, projects, GAPS_SHOWN),
                        completeness.deliveries(flows, GAPS_SHOWN)));
    }

    /** One chain's completeness with every incomplete record (up to {@link #DRILL_DOWN}). */
    @Transactional(readOnly = true)
    public Cockpit.Chain chain(Member member, CockpitFilter asked, String key) {
        CockpitFilter f = asked.withDepartment(CockpitAccess.scope(member, asked.department()));
        return switch (key) {
            case "demand" -> completeness.demands(f, rollup.demandTotals(f), DRILL_DOWN);
            case "project" -> completeness.projects(f, projects.costed(f.projects()), DRILL_DOWN);
            case "delivery" -> completeness.deliveries(rollup.flows(f), DRILL_DOWN);
            default -> throw new InvalidRequestException("delivery.cockpit.error.filter", Map.of("chain", "delivery.cockpit.error.chain"));
        };
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

    private Cockpit.Budget budget(List<CostedProject> projects) {
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

    private static Cockpit.DemandSuccess success(CockpitRollupRepository.DemandTotals d) {
        return new Cockpit.DemandSuccess(d.decided(), d.accepted(), d.decided() == 0 ? null : ratio(d.accepted(), d.decided()));
    }

    private Cockpit.Satisfaction satisfaction(CockpitFilter f) {
        Map<String, long[]> byDepartment = new TreeMap<>();
        long n = 0;
        long sum = 0;
        for (SurveyRepository.DepartmentTotal s : surveys.totals(f.projects())) {
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

    private Cockpit.TeamEfficiency teamEfficiency(CockpitFilter f, List<FlowRow> flows, CockpitRollupRepository.DemandTotals demands) {
        long people = teamSize();
        long months = months(f, flows);
        long personMonths = people * months;
        long deliveries = flows.stream().filter(r -> r.deployedAt() != null).count();
        BigDecimal points = demands.estimatedDays() == null ? BigDecimal.ZERO : demands.estimatedDays();
        return new Cockpit.TeamEfficiency(people, months, personMonths, deliveries,
                personMonths == 0 ? null : ratio(deliveries, personMonths), points,
                personMonths == 0 ? null : round(points.doubleValue() / personMonths));
    }

    /**
     * Members with a delivery role, counted at most once a minute: four IDM membership queries per cockpit request
     * were a fifth of its time at the benchmark's volume, and the team changes far less often than that.
     */
    private long teamSize() {
        long[] cached = team;
        long now = System.nanoTime();
        if (cached != null && now - cached[1] < TEAM_TTL_NANOS) {
            return cached[0];
        }
        Set<String> members = new HashSet<>();
        for (PlatformRole role : TEAM_ROLES) {
            directory.membersOf(role.groupId()).forEach(m -> members.add(m.userId()));
        }
        team = new long[] {members.size(), now};
        return members.size();
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
        return first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
    }

    static Double ratio(long a, long b) {
        return b == 0 ? null : round((double) a / b);
    }

    /** Four decimals: enough for a rate shown as a percentage with two, and stable in JSON. */
    static Double round(Double v) {
        return v == null ? null : BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
