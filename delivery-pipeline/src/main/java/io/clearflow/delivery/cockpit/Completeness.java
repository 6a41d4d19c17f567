package io.clearflow.delivery.cockpit;

import io.clearflow.delivery.project.ProjectRepository.CostedProject;
import io.clearflow.delivery.project.ProjectStage;
import io.clearflow.delivery.project.StageHistoryRepository;
import io.clearflow.delivery.project.StageHistoryRepository.StageFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Data completeness along the seed's three chains. A chain counts the records that should have every link because
 * they reached its end, and lists those that lack one:
 * <ul>
 *   <li>{@code demand} (demand–evaluation–execution–delivery): demands closed as delivered; evaluation = an estimate
 *   was recorded, execution = split into development tasks, delivery = in a version that reached production;</li>
 *   <li>{@code project} (initiation–review–update–acceptance): projects in acceptance, operation or closed; each of
 *   initiation, review, go-live/update in the stage history (update also needs a linked version), acceptance in the
 *   history or an acceptance date;</li>
 *   <li>{@code delivery} (dev–test–QC–ops): versions that reached ops (a change raised or a production deployment);
 *   dev = an artifact built, test = a passed test submission, QC = QC's review, ops = an approved change and a
 *   successful production deployment.</li>
 * </ul>
 */
@Component
class Completeness {

    static final List<String> CHAINS = List.of("demand", "project", "delivery");
    static final List<String> DEMAND_LINKS = List.of("demand", "evaluation", "execution", "delivery");
    static final List<String> PROJECT_LINKS = List.of("initiation", "review", "update", "acceptance");
    static final List<String> DELIVERY_LINKS = List.of("dev", "test", "qc", "ops");
    private static final Set<String> FINISHED = Set.of(ProjectStage.ACCEPTANCE.code(), ProjectStage.OPERATION.code(),
            ProjectStage.CLOSED.code());

    private final StageHistoryRepository stageHistory;
    private final CockpitRollupRepository rollup;
    private final DepartmentNames names;

    Completeness(StageHistoryRepository stageHistory, CockpitRollupRepository rollup, DepartmentNames names) {
        this.stageHistory = stageHistory;
        this.rollup = rollup;
        this.names = names;
    }

    Cockpit.Chain demands(CockpitFilter f, CockpitRollupRepository.DemandTotals totals, int limit) {
        List<Cockpit.Gap> gaps = new ArrayList<>();
        for (CockpitRollupRepository.DemandLinks d : rollup.incompleteDemands(f, limit)) {
            List<String> missing = new ArrayList<>();
            if (!d.evaluated()) {
                missing.add("evaluation");
            }
            if (!d.split()) {
                missing.add("execution");
            }
            if (!d.delivered()) {
                missing.add("delivery");
            }
            gaps.add(gap(String.valueOf(d.demandId()), d.title(), d.department(), missing));
        }
        return chain("demand", DEMAND_LINKS, totals.chainRecords(), totals.chainComplete(), gaps);
    }

    Cockpit.Chain projects(CockpitFilter f, List<CostedProject> projects, int limit) {
        Map<Long, StageFlags> flags = stageHistory.finishedFlags(f.projects());
        StageFlags none = new StageFlags(false, false, false, false, false);
        long records = 0;
        long complete = 0;
        List<Cockpit.Gap> gaps = new ArrayList<>();
        for (CostedProject p : projects) {
            if (!FINISHED.contains(p.stage())) {
                continue;
            }
            records++;
            StageFlags h = flags.getOrDefault(p.id(), none);
            List<String> missing = new ArrayList<>();
            if (!h.initiation()) {
                missing.add("initiation");
            }
            if (!h.review()) {
                missing.add("review");
            }
            if (!h.golive() || !h.hasVersions()) {
                missing.add("update");
            }
            if (!h.acceptance() && p.acceptedAt() == null) {
                missing.add("acceptance");
            }
            if (missing.isEmpty()) {
                complete++;
            } else if (gaps.size() < limit) {
                gaps.add(gap(String.valueOf(p.id()), p.name(), p.department(), missing));
            }
        }
        return chain("project", PROJECT_LINKS, records, complete, gaps);
    }

    Cockpit.Chain deliveries(List<FlowRow> flows, int limit) {
        long records = 0;
        long complete = 0;
        List<Cockpit.Gap> gaps = new ArrayList<>();
        for (FlowRow r : flows) {
            if (!r.hasChange() && r.prodDeployments() == 0) {
                continue;
            }
            records++;
            List<String> missing = new ArrayList<>();
            if (!r.hasArtifact()) {
                missing.add("dev");
            }
            if (!r.passed()) {
                missing.add("test");
            }
            if (r.qcReviewedAt() == null) {
                missing.add("qc");
            }
            if (r.changeApprovedAt() == null || r.deployedAt() == null) {
                missing.add("ops");
            }
            if (missing.isEmpty()) {
                complete++;
            } else if (gaps.size() < limit) {
                gaps.add(gap(String.valueOf(r.versionId()), r.label(), r.department(), missing));
            }
        }
        return chain("delivery", DELIVERY_LINKS, records, complete, gaps);
    }

    private Cockpit.Gap gap(String id, String label, String department, List<String> missing) {
        return new Cockpit.Gap(id, label, department, names.of(department), List.copyOf(missing));
    }

    private static Cockpit.Chain chain(String key, List<String> links, long records, long complete, List<Cockpit.Gap> gaps) {
        return new Cockpit.Chain(key, links, records, complete, records == 0 ? null : (double) complete / records, gaps);
    }
}
