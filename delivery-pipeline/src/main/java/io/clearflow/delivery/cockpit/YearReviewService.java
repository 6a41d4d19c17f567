package io.clearflow.delivery.cockpit;

import io.clearflow.delivery.project.CostRepository;
import io.clearflow.delivery.project.ProjectRepository;
import io.clearflow.demand.api.DemandOutcomes;
import io.clearflow.engine.api.Member;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Gathers a department's year-end review; access as for the cockpit (a process owner gets their own department). */
@Service
public class YearReviewService {

    private final ProjectRepository projects;
    private final CostRepository costs;
    private final CockpitRollupRepository rollup;
    private final DemandOutcomes demands;
    private final DepartmentNames names;

    YearReviewService(ProjectRepository projects, CostRepository costs, CockpitRollupRepository rollup,
                      DemandOutcomes demands, DepartmentNames names) {
        this.projects = projects;
        this.costs = costs;
        this.rollup = rollup;
        this.demands = demands;
        this.names = names;
    }

    /** @param asked the department asked for; {@code null} = the member's own */
    @Transactional(readOnly = true)
    public YearReview review(Member member, String asked, int year) {
        String scoped = CockpitAccess.scope(member, asked);
        String department = scoped != null ? scoped : member.department();
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        List<DemandOutcomes.DecidedDemand> delivered = demands.decided(department, from, to).stream()
                .filter(DemandOutcomes.DecidedDemand::delivered).toList();
        DemandOutcomes.Outcome outcome = demands.outcome(department, from, to);
        long value = delivered.stream().filter(d -> d.valueScore() != null).mapToLong(DemandOutcomes.DecidedDemand::valueScore).sum();
        List<YearReview.AcceptedProject> accepted = projects.acceptedIn(department, year).stream()
                .map(p -> new YearReview.AcceptedProject(p.id(), p.name(), p.budget(), p.actual() == null ? BigDecimal.ZERO : p.actual(),
                        p.acceptedAt()))
                .toList();
        Map<String, BigDecimal> cost = costs.byKindIn(department, year);
        List<FlowRow> flows = rollup.flows(new CockpitFilter(department, null, from, to));
        return new YearReview(department, names.of(department), year, delivered, outcome.decided(),
                CockpitFigures.ratio(outcome.delivered(), outcome.decided()), value, outcome.estimatedDays(),
                outcome.actualDays(), accepted, cost, cost.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                CockpitFigures.quality(flows));
    }
}
