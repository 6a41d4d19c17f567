package io.clearflow.delivery.cockpit;

import io.clearflow.delivery.project.ProjectRepository;
import io.clearflow.delivery.project.ProjectRepository.CostedProject;
import io.clearflow.delivery.project.StageHistoryRepository;
import io.clearflow.delivery.project.SurveyRepository;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles the cockpit for a member and a filter from the rows it reads, its figures computed by
 * {@link CockpitFigures} (see {@link Cockpit} and the README's "IT cockpit" for every definition). Project figures are
 * read live (a few thousand rows); delivery, quality, demand and completeness figures from the refresher's
 * pre-aggregation (demand-portal's and test-metrics' APIs are read when it is rebuilt).
 */
@Service
public class CockpitService {

    /** Incomplete records listed per chain in the cockpit itself; the drill-down lists up to {@link #DRILL_DOWN}. */
    static final int GAPS_SHOWN = 20;
    static final int DRILL_DOWN = 1000;

    private final ProjectRepository projects;
    private final StageHistoryRepository stageHistory;
    private final SurveyRepository surveys;
    private final CockpitRollupRepository rollup;
    private final Completeness completeness;
    private final DeliveryTeam team;
    private final DepartmentNames names;

    CockpitService(ProjectRepository projects, StageHistoryRepository stageHistory, SurveyRepository surveys,
                   CockpitRollupRepository rollup, Completeness completeness, DeliveryTeam team, DepartmentNames names) {
        this.projects = projects;
        this.stageHistory = stageHistory;
        this.surveys = surveys;
        this.rollup = rollup;
        this.completeness = completeness;
        this.team = team;
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
                rollup.lastRefresh().orElse(null), CockpitFigures.byStage(projects), CockpitFigures.budget(projects, names),
                CockpitFigures.stageLeadTimes(stageHistory.left(f.projects())), CockpitFigures.handoffs(flows),
                CockpitFigures.quality(flows), CockpitFigures.success(demandTotals),
                CockpitFigures.satisfaction(surveys.totals(f.projects()), names),
                CockpitFigures.teamEfficiency(team.size(), f, flows, demandTotals),
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
}
