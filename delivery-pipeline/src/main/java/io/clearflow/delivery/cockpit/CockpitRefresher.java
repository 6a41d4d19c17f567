package io.clearflow.delivery.cockpit;

import io.clearflow.delivery.DeliveryActivity;
import io.clearflow.delivery.artifact.ArtifactRepository;
import io.clearflow.delivery.change.ChangeRepository;
import io.clearflow.delivery.deployment.DeploymentRepository;
import io.clearflow.delivery.project.ProjectVersionRepository;
import io.clearflow.delivery.submission.SubmissionRepository;
import io.clearflow.delivery.version.VersionRepository;
import io.clearflow.demand.api.DemandOutcomes;
import io.clearflow.testmetrics.api.DefectFigures;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the cockpit's pre-aggregation (V11) from the delivery records and the demand and defect APIs. Delivery
 * activity (any {@link DeliveryActivity}: a version, submission, change or deployment moved) marks it stale and the
 * next tick (every {@code clearflow.delivery.cockpit.refresh-delay}, 30 s) rebuilds it; a full rebuild also runs every
 * {@code clearflow.delivery.cockpit.full-refresh} (10 min) for what happens outside delivery (demands closed, defects
 * synced, projects linked). Rebuilding whole tables in one transaction is simpler than incremental upkeep and takes
 * about a second at the benchmark's volume; readers see the old rows until it commits.
 */
@Component
public class CockpitRefresher {

    private static final Logger log = LoggerFactory.getLogger(CockpitRefresher.class);

    private final VersionRepository versions;
    private final ArtifactRepository artifacts;
    private final SubmissionRepository submissions;
    private final ChangeRepository changes;
    private final DeploymentRepository deployments;
    private final ProjectVersionRepository projectVersions;
    private final CockpitRollupRepository rollup;
    private final DemandOutcomes demands;
    private final DefectFigures defects;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final AtomicBoolean stale = new AtomicBoolean(true);

    CockpitRefresher(VersionRepository versions, ArtifactRepository artifacts, SubmissionRepository submissions,
                     ChangeRepository changes, DeploymentRepository deployments,
                     ProjectVersionRepository projectVersions, CockpitRollupRepository rollup, DemandOutcomes demands,
                     DefectFigures defects, Clock clock, PlatformTransactionManager transactionManager) {
        this.versions = versions;
        this.artifacts = artifacts;
        this.submissions = submissions;
        this.changes = changes;
        this.deployments = deployments;
        this.projectVersions = projectVersions;
        this.rollup = rollup;
        this.demands = demands;
        this.defects = defects;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @EventListener
    void on(DeliveryActivity activity) {
        stale.set(true);
    }

    @Scheduled(initialDelayString = "${clearflow.delivery.cockpit.refresh-delay:PT30S}",
            fixedDelayString = "${clearflow.delivery.cockpit.refresh-delay:PT30S}")
    void refreshWhenStale() {
        if (stale.getAndSet(false)) {
            refreshLogged();
        }
    }

    @Scheduled(initialDelayString = "${clearflow.delivery.cockpit.full-refresh:PT10M}",
            fixedDelayString = "${clearflow.delivery.cockpit.full-refresh:PT10M}")
    void refreshPeriodically() {
        stale.set(false);
        refreshLogged();
    }

    private void refreshLogged() {
        try {
            refresh();
        } catch (RuntimeException e) {
            stale.set(true);
            log.warn("cockpit refresh failed, will retry: {}", e.toString());
        }
    }

    /**
     * Rebuilds both rollups now (tests and the benchmark call it after writing their records). One rebuild at a time,
     * and the lock is held until the transaction has committed: two overlapping rebuilds would each delete and
     * re-insert every row and the second would collide with the first's inserts. (Several application instances
     * would need a database lock instead; the platform runs one.)
     */
    public synchronized void refresh() {
        long t0 = System.nanoTime();
        transactions.executeWithoutResult(status -> {
            rollup.replaceFlows(flows());
            rollup.replaceDemands(demandLinks());
            rollup.refreshed(clock.instant(), (System.nanoTime() - t0) / 1_000_000);
        });
    }

    private List<FlowRow> flows() {
        Map<Long, String> projectDepartments = projectVersions.departmentsByVersion();
        Set<Long> withArtifacts = artifacts.versionsWithArtifacts();
        Map<Long, SubmissionRepository.Milestones> milestones = submissions.milestonesByVersion();
        Set<Long> withChanges = changes.versionsWithChanges();
        Map<Long, Instant> approvals = changes.firstApprovalByVersion();
        Map<Long, DeploymentRepository.ProductionRuns> runs = deployments.productionRunsByVersion();
        Map<String, DefectFigures.VersionDefects> defectsByVersion = new HashMap<>();
        for (DefectFigures.VersionDefects d : defects.perVersion()) {
            defectsByVersion.put(d.project() + "\u0000" + d.version(), d);
        }
        SubmissionRepository.Milestones none = new SubmissionRepository.Milestones(null, null, null, false, null);
        DeploymentRepository.ProductionRuns noRuns = new DeploymentRepository.ProductionRuns(0, 0, null);
        List<FlowRow> rows = new ArrayList<>();
        for (VersionRepository.OwnedVersion v : versions.allWithOwners()) {
            SubmissionRepository.Milestones s = milestones.getOrDefault(v.id(), none);
            DeploymentRepository.ProductionRuns r = runs.getOrDefault(v.id(), noRuns);
            DefectFigures.VersionDefects d = defectsByVersion.get(v.system() + "\u0000" + v.version());
            rows.add(new FlowRow(v.id(), v.system(), projectDepartments.getOrDefault(v.id(), v.ownerDepartment()),
                    v.system() + " " + v.version(), v.createdAt(), v.createdBy(), withArtifacts.contains(v.id()),
                    s.submittedAt(), s.acceptedAt(), s.verdictAt(), s.passed(), s.qcReviewedAt(), approvals.get(v.id()),
                    r.firstSucceededAt(), withChanges.contains(v.id()), r.finished(), r.failed(),
                    d == null ? 0 : (int) d.defects(), d == null ? 0 : (int) d.escaped()));
        }
        return rows;
    }

    private List<CockpitRollupRepository.DemandLinks> demandLinks() {
        Map<Long, String> inProduction = versions.systemsOfDemandsInProduction();
        List<CockpitRollupRepository.DemandLinks> rows = new ArrayList<>();
        for (DemandOutcomes.DecidedDemand d : demands.decided(null, null, null)) {
            String system = d.delivered() ? inProduction.get(d.id()) : null;
            rows.add(new CockpitRollupRepository.DemandLinks(d.id(), d.title(), d.department(), d.closedOn(), d.delivered(),
                    d.estimateDays(), d.evaluated(), d.split(), system != null, system));
        }
        return rows;
    }
}
