package io.clearflow.regtech.assess;

import io.clearflow.demand.api.DemandIntake;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.governance.GovernanceCatalog;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** An assessment as a reader sees it: its impacts, its demand or scenario, and what the reader may do now. */
@Component
class AssessmentViews {

    private final AssessmentRepository assessments;
    private final ImpactRepository impacts;
    private final DemandIntake demands;
    private final GovernanceCatalog catalog;
    private final Clock clock;

    AssessmentViews(AssessmentRepository assessments, ImpactRepository impacts, DemandIntake demands,
                    GovernanceCatalog catalog, Clock clock) {
        this.assessments = assessments;
        this.impacts = impacts;
        this.demands = demands;
        this.catalog = catalog;
        this.clock = clock;
    }

    AssessmentService.View view(Member member, Assessment a) {
        List<Impact> given = impacts.of(a.id());
        boolean mayAssess = a.state().equals("assessing") && member.department() != null && a.departments().contains(member.department())
                && given.stream().noneMatch(i -> i.department().equals(member.department()));
        boolean mayDecide = a.state().equals("deciding") && member.hasRole(PlatformRole.COMPLIANCE);
        return new AssessmentService.View(a, given, a.demandId() == null ? Optional.empty() : demands.find(a.demandId()),
                a.scenarioId() == null ? Optional.empty() : catalog.scenario(a.scenarioId()), mayAssess, mayDecide,
                a.overdueOn(AssessmentChecks.today(clock)));
    }

    Optional<AssessmentService.View> forItem(Member member, long itemId) {
        return assessments.forItem(itemId).map(a -> view(member, a));
    }

    /** The first 200 in the repository's order: open ones first. */
    List<AssessmentService.View> list(Member member) {
        return assessments.list(200).stream().map(a -> view(member, a)).toList();
    }
}
