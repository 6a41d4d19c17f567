package io.clearflow.delivery.stress;

import static io.clearflow.delivery.stress.StressInput.invalid;
import static io.clearflow.delivery.stress.StressInput.LONG_TEXT;
import static io.clearflow.delivery.stress.StressInput.TEXT;

import io.clearflow.delivery.version.VersionRef;
import io.clearflow.delivery.version.Versions;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.work.WorkService;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stress-test (压力测试) flow of seed (c) through {@value #PROCESS_KEY}: requested by a developer, planned,
 * designed, executed and reported by the infrastructure group (the tester role, see the README), confirmed by ops
 * with the upgrade risk, archived, and verified in production by ops in the upgrade window. Each step completes the
 * engine's task and moves the row in one transaction.
 */
@Service
public class StressTestService {

    public static final String PROCESS_KEY = "deliveryStressTest";
    public static final int MAX_TEXT = 2000;
    public static final int MAX_LONG_TEXT = 4000;
    static final Set<String> RISKS = Set.of("low", "medium", "high");

    /** A stress test with its tasks, results, verdict, and the previous accepted one of the system to compare. */
    public record Detail(StressTest test, List<StressTask> tasks, List<StressResult> results,
                         StressVerdict.Verdict verdict, Optional<SystemPeak> peak, Optional<StressTest> previous,
                         List<StressResult> previousResults) { }

    public record NewTask(String title, String owner, LocalDate deadline) { }

    private final StressTestRepository tests;
    private final StressTaskRepository tasks;
    private final StressResultRepository results;
    private final StressSteps steps;
    private final StressResultUploads uploads;
    private final StressVerdicts verdicts;
    private final StressPeaks peaks;
    private final Versions versions;
    private final WorkService work;
    private final Clock clock;

    StressTestService(StressTestRepository tests, StressTaskRepository tasks, StressResultRepository results,
                      StressSteps steps, StressResultUploads uploads, StressVerdicts verdicts, StressPeaks peaks,
                      Versions versions, WorkService work, Clock clock) {
        this.tests = tests;
        this.tasks = tasks;
        this.results = results;
        this.steps = steps;
        this.uploads = uploads;
        this.verdicts = verdicts;
        this.peaks = peaks;
        this.versions = versions;
        this.work = work;
        this.clock = clock;
    }

    /** A developer asks for a stress test of a version; the planning step waits in the testers' inboxes. */
    @Transactional
    public StressTest request(Member developer, long versionId, String scenariosWanted) {
        VersionRef version = versions.find(versionId).orElseThrow(
                () -> invalid("versionId", "delivery.stress.error.unknownVersion"));
        String caseId = work.newCaseId();
        long id = tests.insert(version.id(), version.system(), version.version(),
                TEXT.check(scenariosWanted, false, "scenariosWanted"), caseId, developer.userId(), clock.instant());
        StressTest test = test(id);
        work.start(developer, PROCESS_KEY, test.key(), Map.of("stressTestId", id), caseId);
        versions.record(version.id(), "stress.requested", developer.userId(), test.key(), link(id));
        return test;
    }

    /** The plan (object, metrics, method, resources, risks) and its tasks; whoever plans carries out the next steps. */
    @Transactional
    public StressTest plan(Member infra, long id, StressTest.Plan plan, List<NewTask> newTasks) {
        StressTest test = test(id);
        StressTest.Plan checkedPlan = new StressTest.Plan(TEXT.check(plan.object(), true, "object"),
                TEXT.check(plan.metrics(), true, "metrics"), TEXT.check(plan.method(), true, "method"),
                TEXT.check(plan.resources(), true, "resources"), TEXT.check(plan.risks(), true, "risks"));
        List<NewTask> checked = StressInput.tasks(newTasks);
        steps.complete(infra, test, StressState.PLANNING, "plan", Map.of("infra", infra.userId()), null);
        steps.move(test, now -> tests.planned(id, checkedPlan, infra.userId(), now));
        checked.forEach(t -> tasks.insert(id, t.title().strip(), t.owner().strip(), t.deadline()));
        versions.record(test.versionId(), "stress.planned", infra.userId(), test.key(), link(id));
        return test(id);
    }

    @Transactional
    public StressTest design(Member infra, long id, String scenarios) {
        StressTest test = test(id);
        String checked = LONG_TEXT.check(scenarios, true, "scenarios");
        steps.complete(infra, test, StressState.DESIGNING, "design", Map.of(), null);
        steps.move(test, now -> tests.designed(id, checked, infra.userId(), now));
        return test(id);
    }

    /**
     * Reads a load tool's result file (streaming) and stores its figures. Until the report goes to ops; the phase is
     * the one given, else the one the run's length suggests. A bad file stores nothing.
     */
    @Transactional
    public StressResult upload(Member infra, long id, String fileName, InputStream content, String phase) {
        return uploads.upload(infra, id, fileName, content, phase);
    }

    /** Marks a result's phase by hand (a run whose length did not tell, or a tool without times). */
    @Transactional
    public StressResult phase(Member infra, long id, long resultId, String phase) {
        return uploads.phase(id, resultId, phase);
    }

    /**
     * Sets a whole-run file's phase boundaries by hand, as minutes from its start (ascending, inside the run, at most
     * 20); null goes back to the detected ones. Only while results are taken, like re-marking a phase.
     */
    @Transactional
    public StressResult phaseBounds(Member infra, long id, long resultId, List<Double> minutes) {
        return uploads.phaseBounds(id, resultId, minutes);
    }

    @Transactional
    public StressTask taskDone(Member infra, long id, long taskId, boolean done) {
        test(id);
        if (!tasks.done(id, taskId, done)) {
            throw new NotFoundException("stress task", String.valueOf(taskId));
        }
        return tasks.of(id).stream().filter(t -> t.id() == taskId).findFirst().orElseThrow();
    }

    /** Execution is done when at least one result is in. */
    @Transactional
    public StressTest executed(Member infra, long id) {
        StressTest test = test(id);
        if (test.state() == StressState.EXECUTING && results.of(id).isEmpty()) {
            throw new ConflictException("delivery.stress.error.noResults", test.key());
        }
        steps.complete(infra, test, StressState.EXECUTING, "execute", Map.of(), null);
        steps.move(test, now -> tests.executed(id, infra.userId(), now));
        return test(id);
    }

    /** The report's sections; the verdict is computed now and kept with the report. */
    @Transactional
    public StressTest report(Member infra, long id, StressTest.Report report) {
        StressTest test = test(id);
        StressTest.Report checked = new StressTest.Report(LONG_TEXT.check(report.environment(), true, "environment"),
                LONG_TEXT.check(report.cases(), true, "cases"), LONG_TEXT.check(report.process(), true, "process"),
                LONG_TEXT.check(report.anomalies(), false, "anomalies"),
                LONG_TEXT.check(report.conclusion(), true, "conclusion"));
        StressVerdict.Verdict verdict = verdicts.live(test);
        steps.complete(infra, test, StressState.REPORTING, "report", Map.of(), null);
        steps.move(test, now -> tests.reported(id, checked, infra.userId(), verdict.passed(), StressVerdicts.json(verdict),
                now));
        versions.record(test.versionId(), "stress.reported", infra.userId(), test.key() + (verdict.passed() ? " ✓" : " ✗"),
                link(id));
        return test(id);
    }

    /** Ops confirm the report with the upgrade risk (archived), or send it back to the report step with a reason. */
    @Transactional
    public StressTest confirm(Member ops, long id, boolean confirmed, String upgradeRisk, String comment) {
        StressTest test = test(id);
        String note = TEXT.check(comment, !confirmed, "comment");
        String risk = upgradeRisk == null ? null : upgradeRisk.strip().toLowerCase(Locale.ROOT);
        if (confirmed && (risk == null || !RISKS.contains(risk))) {
            throw invalid("upgradeRisk", "delivery.stress.error.risk");
        }
        steps.complete(ops, test, StressState.CONFIRMING, "confirm", Map.of("confirmed", confirmed), note);
        if (confirmed) {
            steps.move(test, now -> tests.archived(id, ops.userId(), risk, note, now));
        } else {
            steps.move(test, now -> tests.sentBack(id, note, now));
        }
        versions.record(test.versionId(), confirmed ? "stress.archived" : "stress.sentBack", ops.userId(),
                test.key() + (confirmed ? " " + risk : ": " + note), link(id));
        return test(id);
    }

    /** In the upgrade window ops record the final verification in production. */
    @Transactional
    public StressTest verifyProduction(Member ops, long id, boolean passed, String note) {
        StressTest test = test(id);
        String text = TEXT.check(note, true, "note");
        steps.complete(ops, test, StressState.ARCHIVED, "verifyProduction", Map.of(), text);
        steps.move(test, now -> tests.verified(id, ops.userId(), passed, text, now));
        versions.record(test.versionId(), "stress.verified", ops.userId(), test.key() + (passed ? " ✓" : " ✗") + " "
                + text, link(id));
        return test(id);
    }

    /** Enters a system's peaks and thresholds (ops and IT managers). */
    @Transactional
    public SystemPeak savePeak(Member member, String system, double peakTps, double peakBandwidthMbps,
                               double bandwidthMbps, Double capacityFactor, Double bandwidthFactor, Double maxErrorRate,
                               Double regressionTolerance) {
        return peaks.save(member, system, peakTps, peakBandwidthMbps, bandwidthMbps, capacityFactor, bandwidthFactor,
                maxErrorRate, regressionTolerance);
    }

    @Transactional(readOnly = true)
    public Optional<SystemPeak> peak(String system) {
        return peaks.find(system);
    }

    @Transactional(readOnly = true)
    public StressTest test(long id) {
        return steps.test(id);
    }

    @Transactional(readOnly = true)
    public List<StressTest> ofVersion(long versionId) {
        return tests.ofVersion(versionId);
    }

    @Transactional(readOnly = true)
    public List<StressTest> latest(int limit) {
        return tests.latest(Math.max(1, Math.min(limit, 500)));
    }

    @Transactional(readOnly = true)
    public Detail detail(long id) {
        return verdicts.detail(test(id));
    }

    static String link(long id) {
        return "/delivery/stress-tests/" + id;
    }
}
