package io.clearflow.delivery.submission;

import io.clearflow.delivery.DeliveryProperties;
import io.clearflow.delivery.artifact.ArtifactRef;
import io.clearflow.delivery.artifact.Artifacts;
import io.clearflow.delivery.version.VersionRef;
import io.clearflow.delivery.version.Versions;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.work.ActingAs;
import io.clearflow.engine.work.CaseView;
import io.clearflow.engine.work.WorkService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The test-submission (提测单) flow. Each step checks the member and the submission's state, moves the
 * business row, stores the gate evaluation and completes the matching step of {@value #PROCESS_KEY} through
 * {@link WorkService}, in one transaction. A submission whose entry criteria fail is not stored: the refusal
 * (with every rule) goes into the version's timeline and back to the caller.
 */
@Service
public class SubmissionService {

    public static final String PROCESS_KEY = "deliveryTestSubmission";
    static final int MAX_TEXT = 2000;

    /** What a submission or resubmission led to: the stored submission, or none when the entry gate refused it. */
    public record Outcome(TestSubmission submission, GateView gate) {
        public boolean refused() {
            return !gate.passed();
        }
    }

    /** A submission with its gate evaluations, oldest first. */
    public record Detail(TestSubmission submission, List<GateView> gates) { }

    private final SubmissionRepository submissions;
    private final GateEvaluationRepository evaluations;
    private final DeliveryGates gates;
    private final GateProperties properties;
    private final DeliveryProperties stages;
    private final Versions versions;
    private final Artifacts artifacts;
    private final WorkService work;
    private final TaskService engineTasks;
    private final RuntimeService runtime;
    private final Clock clock;
    private final QcReviewSeparation qcSeparation;

    SubmissionService(SubmissionRepository submissions, GateEvaluationRepository evaluations, DeliveryGates gates,
                      GateProperties properties, DeliveryProperties stages, Versions versions, Artifacts artifacts, WorkService work,
                      TaskService engineTasks, RuntimeService runtime, Clock clock, QcReviewSeparation qcSeparation) {
        this.submissions = submissions;
        this.evaluations = evaluations;
        this.gates = gates;
        this.properties = properties;
        this.stages = stages;
        this.versions = versions;
        this.artifacts = artifacts;
        this.work = work;
        this.engineTasks = engineTasks;
        this.runtime = runtime;
        this.clock = clock;
        this.qcSeparation = qcSeparation;
    }

    /** Submits the version's artifact for test if its entry criteria pass. */
    @Transactional
    public Outcome submit(Member developer, long versionId, long artifactId) {
        VersionRef version = versions.find(versionId)
                .orElseThrow(() -> new NotFoundException("version", String.valueOf(versionId)));
        ArtifactRef artifact = artifacts.find(artifactId)
                .orElseThrow(() -> new NotFoundException("artifact", String.valueOf(artifactId)));
        if (artifact.versionId() != versionId) {
            throw new InvalidRequestException("delivery.submission.error.otherVersion",
                    Map.of("artifactId", "delivery.submission.error.otherVersion"));
        }
        if (submissions.openFor(versionId, artifactId)) {
            throw new ConflictException("delivery.submission.error.open");
        }
        GateView gate = gates.entry(version, developer.userId());
        if (!gate.passed()) {
            versions.record(versionId, "submission.refused", developer.userId(), failedRules(gate), null);
            return new Outcome(null, gate);
        }
        Instant now = clock.instant();
        String caseId = work.newCaseId();
        long id = submissions.insert(versionId, artifactId, version.system(), version.version(), version.demandIds(),
                caseId, developer.userId(), now);
        GateView stored = evaluations.insert(id, gate);
        work.start(developer, PROCESS_KEY, "TS-" + id, Map.of("submissionId", id), caseId);
        promote(artifact, properties.entryPromotesTo(), developer, id, stored);
        versions.record(versionId, "submission.submitted", developer.userId(), artifact.name() + " " + artifact.sha256(),
                link(id));
        return new Outcome(submissions.find(id).orElseThrow(), stored);
    }

    /** A tester takes the submission into test; the test step then waits in their own inbox. */
    @Transactional
    public TestSubmission accept(Member tester, long id) {
        TestSubmission s = require(id, SubmissionState.SUBMITTED);
        Task step = step(s, "accept");
        if (!submissions.accept(id, tester.userId(), clock.instant())) {
            throw new ConflictException("delivery.submission.error.changed");
        }
        work.complete(tester, step.getId(), Map.of("outcome", "accept", "tester", tester.userId()), null);
        versions.record(s.versionId(), "submission.accepted", tester.userId(), null, link(id));
        return submissions.find(id).orElseThrow();
    }

    /**
     * The accepting tester records the verdict; the exit criteria (the verdict and test-metrics' exit rule set)
     * decide whether the submission passed. A pass promotes the artifact to the configured stage.
     */
    @Transactional
    public GateView complete(Member tester, long id, boolean passed, String comment) {
        String note = text(comment, false, "comment");
        TestSubmission s = require(id, SubmissionState.IN_TEST);
        if (!tester.userId().equals(s.tester())) {
            throw new AccessDeniedException("delivery.submission.error.notYourTest");
        }
        Task step = step(s, "test");
        VersionRef version = versions.find(s.versionId())
                .orElseThrow(() -> new NotFoundException("version", String.valueOf(s.versionId())));
        GateView stored = evaluations.insert(id, gates.exit(version, passed, note, tester.userId()));
        if (!submissions.complete(id, stored.passed(), passed, note, clock.instant())) {
            throw new ConflictException("delivery.submission.error.changed");
        }
        // a pass waits for QC's review; the artifact moves on only once QC approved (see qcReview)
        work.complete(tester, step.getId(), Map.of("outcome", "complete", "exitPassed", stored.passed()), note);
        versions.record(s.versionId(), stored.passed() ? "submission.passed" : "submission.failed", tester.userId(),
                stored.passed() ? note : failedRules(stored), link(id));
        return stored;
    }

    /**
     * QC reviews a submission that passed its exit criteria: approved → PASSED (a change may now reference it) and
     * the artifact is promoted as the exit gate configures; sent back (reason required) → IN_TEST with the same
     * tester. Separation of duties: not the submitter, the version's developers or the tester.
     */
    @Transactional
    public TestSubmission qcReview(Member reviewer, long id, boolean approved, String comment) {
        String note = text(comment, !approved, "reason");
        TestSubmission s = require(id, SubmissionState.QC_REVIEW);
        qcSeparation.refusal(s, reviewer.userId()).ifPresent(key -> {
            throw new AccessDeniedException(key);
        });
        Task step = step(s, "qcReview");
        if (!submissions.qcReview(id, approved, reviewer.userId(), note, clock.instant())) {
            throw new ConflictException("delivery.submission.error.changed");
        }
        work.complete(reviewer, step.getId(), Map.of("qcApproved", approved), note);
        if (approved) {
            GateView exit = evaluations.ofSubmission(id).stream().filter(g -> DeliveryGates.EXIT.equals(g.kind()))
                    .reduce((first, second) -> second).orElseThrow();
            artifacts.find(s.artifactId()).ifPresent(a -> promote(a, properties.exitPromotesTo(), reviewer, id, exit));
        }
        versions.record(s.versionId(), approved ? "submission.qcApproved" : "submission.qcSentBack", reviewer.userId(),
                note, link(id));
        return submissions.find(id).orElseThrow();
    }

    /** A tester sends the submission back to its developer with a reason, before or during the test. */
    @Transactional
    public TestSubmission sendBack(Member tester, long id, String reason) {
        String why = text(reason, true, "reason");
        TestSubmission s = find(id).orElseThrow(() -> new NotFoundException("test submission", String.valueOf(id)));
        if (s.state() != SubmissionState.SUBMITTED && s.state() != SubmissionState.IN_TEST) {
            throw new ConflictException("delivery.submission.error.notNow", s.key());
        }
        if (s.state() == SubmissionState.IN_TEST && !tester.userId().equals(s.tester())) {
            throw new AccessDeniedException("delivery.submission.error.notYourTest");
        }
        Task step = step(s, s.state() == SubmissionState.SUBMITTED ? "accept" : "test");
        if (!submissions.sendBack(id, s.state(), why, clock.instant())) {
            throw new ConflictException("delivery.submission.error.changed");
        }
        work.complete(tester, step.getId(), Map.of("outcome", "sendBack"), why);
        versions.record(s.versionId(), "submission.sentBack", tester.userId(), why, link(id));
        return submissions.find(id).orElseThrow();
    }

    /** The submitter resubmits a sent-back submission; the entry criteria are evaluated again. */
    @Transactional
    public Outcome resubmit(Member developer, long id) {
        TestSubmission s = require(id, SubmissionState.SENT_BACK);
        requireSubmitter(developer, s);
        VersionRef version = versions.find(s.versionId())
                .orElseThrow(() -> new NotFoundException("version", String.valueOf(s.versionId())));
        GateView gate = gates.entry(version, developer.userId());
        if (!gate.passed()) {
            versions.record(s.versionId(), "submission.refused", developer.userId(), failedRules(gate), link(id));
            return new Outcome(s, gate);
        }
        Task step = step(s, "rework");
        GateView stored = evaluations.insert(id, gate);
        if (!submissions.resubmit(id, clock.instant())) {
            throw new ConflictException("delivery.submission.error.changed");
        }
        work.complete(developer, step.getId(), Map.of("resubmitted", true), null);
        artifacts.find(s.artifactId()).ifPresent(a -> promote(a, properties.entryPromotesTo(), developer, id, stored));
        versions.record(s.versionId(), "submission.resubmitted", developer.userId(), null, link(id));
        return new Outcome(submissions.find(id).orElseThrow(), stored);
    }

    /** The submitter withdraws (回收) the submission before a tester accepted it, with a reason. */
    @Transactional
    public TestSubmission withdraw(Member developer, long id, String reason) {
        String why = text(reason, true, "reason");
        TestSubmission s = find(id).orElseThrow(() -> new NotFoundException("test submission", String.valueOf(id)));
        requireSubmitter(developer, s);
        if (s.state() != SubmissionState.SUBMITTED && s.state() != SubmissionState.SENT_BACK) {
            throw new ConflictException("delivery.submission.error.notNow", s.key());
        }
        if (!submissions.withdraw(id, s.state(), clock.instant())) {
            throw new ConflictException("delivery.submission.error.changed");
        }
        if (s.state() == SubmissionState.SENT_BACK) {
            work.complete(developer, step(s, "rework").getId(), Map.of("resubmitted", false), why);
        } else {
            // waiting for a tester: the case ends here, attributed to the submitter in the engine's history
            ActingAs.member(developer, () -> runtime.deleteProcessInstance(s.caseId(), "withdrawn: " + why));
        }
        versions.record(s.versionId(), "submission.withdrawn", developer.userId(), why, link(id));
        return submissions.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<TestSubmission> find(long id) {
        return submissions.find(id);
    }

    @Transactional(readOnly = true)
    public Detail detail(long id) {
        TestSubmission s = find(id).orElseThrow(() -> new NotFoundException("test submission", String.valueOf(id)));
        return new Detail(s, evaluations.ofSubmission(id));
    }

    /** The submission's gate evaluations, oldest first. */
    @Transactional(readOnly = true)
    public List<GateView> gates(long id) {
        return evaluations.ofSubmission(id);
    }

    @Transactional(readOnly = true)
    public List<TestSubmission> latest(int limit) {
        return submissions.latest(Math.max(1, Math.min(limit, 500)));
    }

    @Transactional(readOnly = true)
    public List<TestSubmission> ofVersion(long versionId) {
        return submissions.ofVersion(versionId);
    }

    private void promote(ArtifactRef artifact, String to, Member actor, long submissionId, GateView gate) {
        // only one step forward: an artifact already at (or past) the stage keeps it, e.g. on a resubmission
        if (to == null || to.isBlank() || stages.stageIndex(artifact.stage()) + 1 != stages.stageIndex(to)) {
            return;
        }
        artifacts.promote(artifact.id(), to, actor.userId(),
                "submission/" + submissionId + "/" + gate.kind() + "#" + gate.id() + " " + (gate.passed() ? "PASS" : "FAIL"));
    }

    private TestSubmission require(long id, SubmissionState state) {
        TestSubmission s = find(id).orElseThrow(() -> new NotFoundException("test submission", String.valueOf(id)));
        if (s.state() != state) {
            throw new ConflictException("delivery.submission.error.notNow", s.key());
        }
        return s;
    }

    private static void requireSubmitter(Member member, TestSubmission s) {
        if (!member.userId().equals(s.submittedBy())) {
            throw new AccessDeniedException("delivery.submission.error.notSubmitter");
        }
    }

    private Task step(TestSubmission s, String activityId) {
        Task step = engineTasks.createTaskQuery().processInstanceId(s.caseId()).taskDefinitionKey(activityId).singleResult();
        if (step == null) {
            throw new ConflictException("delivery.submission.error.notNow", s.key());
        }
        return step;
    }

    static String text(String value, boolean required, String field) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidRequestException("delivery.submission.error.reasonRequired",
                        Map.of(field, "delivery.submission.error.reasonRequired"));
            }
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidRequestException("delivery.submission.error.tooLong",
                    Map.of(field, "delivery.submission.error.tooLong"));
        }
        return value.strip();
    }

    static String failedRules(GateView gate) {
        return gate.results().stream().filter(r -> !r.passed())
                .map(r -> r.rule() + " (" + (r.actual() == null ? "—" : r.actual().stripTrailingZeros().toPlainString()) + ")")
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    static String link(long id) {
        return "/delivery/test-submissions/" + id;
    }
}
