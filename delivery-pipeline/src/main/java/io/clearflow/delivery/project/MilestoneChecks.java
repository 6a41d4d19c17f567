package io.clearflow.delivery.project;

import io.clearflow.delivery.version.VersionQueries;
import io.clearflow.delivery.version.VersionRef;
import io.clearflow.delivery.version.Versions;
import io.clearflow.demand.api.DemandWork;
import io.clearflow.engine.api.ConflictException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The entry criteria (准入) a milestone checks before it may complete, and the routing facts it hands the process.
 * Refusals are 409 with the reason (what is missing), and change nothing.
 */
@Component
class MilestoneChecks {

    /** The commerce steps that must be on record before commerce completes (payments come as they fall due). */
    static final List<String> COMMERCE_REQUIRED = List.of("budgetFiling", "procurement", "tender", "contract",
            "contractAcceptance");
    static final String PRODUCTION = "production";

    private final EvaluationRepository evaluations;
    private final DecisionRepository decisions;
    private final CommerceRepository commerce;
    private final ProjectVersionRepository projectVersions;
    private final VersionQueries versionQueries;
    private final Versions versions;
    private final DemandWork demands;

    MilestoneChecks(EvaluationRepository evaluations, DecisionRepository decisions, CommerceRepository commerce,
                    ProjectVersionRepository projectVersions, VersionQueries versionQueries, Versions versions,
                    DemandWork demands) {
        this.evaluations = evaluations;
        this.decisions = decisions;
        this.commerce = commerce;
        this.projectVersions = projectVersions;
        this.versionQueries = versionQueries;
        this.versions = versions;
        this.demands = demands;
    }

    /** Checks the step's entry criteria; returns the process variables completing it sets. */
    Map<String, Object> before(Project project, String step) {
        switch (step) {
            case "evaluate" -> {
                if (evaluations.of(project.id()).isEmpty() || project.budget() == null) {
                    throw new ConflictException("delivery.project.error.noEvaluation", project.key());
                }
                if (decisions.of(project.id()).isEmpty()) {
                    throw new ConflictException("delivery.project.error.noDecision", project.key());
                }
            }
            case "commerce" -> {
                Set<String> done = new LinkedHashSet<>();
                commerce.of(project.id()).forEach(s -> done.add(s.step()));
                List<String> missing = COMMERCE_REQUIRED.stream().filter(s -> !done.contains(s)).toList();
                if (!missing.isEmpty()) {
                    throw new ConflictException("delivery.project.error.commerceMissing", project.key(),
                            String.join(", ", missing));
                }
            }
            case "goLive" -> {
                List<String> notLive = notInProduction(project);
                if (projectVersions.versionIds(project.id()).isEmpty()) {
                    throw new ConflictException("delivery.project.error.noVersions", project.key());
                }
                if (!notLive.isEmpty()) {
                    throw new ConflictException("delivery.project.error.notInProduction", project.key(),
                            String.join(", ", notLive));
                }
            }
            case "acceptance" -> {
                return Map.of("surveyDepartments", String.join(",", requestingDepartments(project)));
            }
            default -> {
                // the approvals (initiation, review, QC, operation close) have no recorded entry criteria
            }
        }
        return Map.of();
    }

    /** Linked versions ({@code system version}) without a succeeded production deployment. */
    List<String> notInProduction(Project project) {
        return projectVersions.versionIds(project.id()).stream().map(versionQueries::detail)
                .filter(v -> v.deployments().stream().noneMatch(d -> PRODUCTION.equals(d.environment())
                        && "succeeded".equals(d.state())))
                .map(v -> v.system() + " " + v.version()).toList();
    }

    /**
     * The departments that asked for the project: its own, and those of the demands its versions deliver (through
     * demand-portal's {@link DemandWork}). The survey goes to all of them.
     */
    List<String> requestingDepartments(Project project) {
        Set<String> departments = new LinkedHashSet<>();
        departments.add(project.department());
        for (long versionId : projectVersions.versionIds(project.id())) {
            List<Long> demandIds = versions.find(versionId).map(VersionRef::demandIds).orElse(List.of());
            demandIds.forEach(d -> demands.find(d).map(DemandWork.DemandWorkItem::department).ifPresent(departments::add));
        }
        return List.copyOf(departments);
    }
}
