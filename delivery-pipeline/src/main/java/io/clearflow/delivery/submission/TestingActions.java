package io.clearflow.delivery.submission;

import static io.clearflow.delivery.submission.SubmissionSteps.failedRules;
import static io.clearflow.delivery.submission.SubmissionSteps.link;
import static io.clearflow.delivery.submission.SubmissionSteps.text;

import io.clearflow.delivery.artifact.Artifacts;
import io.clearflow.delivery.version.VersionRef;
import io.clearflow.delivery.version.Versions;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.work.WorkService;
import java.time.Clock;
import java.util.Map;
import org.flowable.task.api.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The testers' and QC's steps: accept a submission into test, record the verdict against the exit criteria, send
 * it back to its developer, and QC's review of a passed exit (held to {@link QcReviewSeparation}).
 */
@Component
class TestingActions {

    private final SubmissionRepository submissions;
    private final GateEvaluationRepository evaluations;
    private final DeliveryGates gates;
    private final GateProperties properties;
    private final Versions versions;
    private final Artifacts artifacts;
    private final WorkService work;
    private final Clock clock;
    private final QcReviewSeparation qcSeparation;
    private final SubmissionSteps steps;

    TestingActions(SubmissionRepository submissions, GateEvaluationRepository evaluations, DeliveryGates gates,
                   GateProperties properties, Versions versions, Artifacts artifacts, WorkService work, Clock clock,
                   QcReviewSeparation qcSeparation, SubmissionSteps steps) {
        this.submissions = submissions;
        this.evaluations = evaluations;
        this.gates = gates;
        this.properties = properties;
        this.versions = versions;
        this.artifacts = artifacts;
        this.work = work;
        this.clock = clock;
        this.qcSeparation = qcSeparation;
        this.steps = steps;
    }

    TestSubmission accept(Member tester, long id) {
        TestSubmission s = steps.require(id, SubmissionState.SUBMITTED);
        Task step = steps.step(s, "accept");
        if (!submissions.accept(id, tester.userId(), clock.instant())) {
            throw new ConflictException("delivery.submission.error.changed");
        }
        work.complete(tester, step.getId(), Map.of("outcome", "accept", "tester", tester.userId()), null);
        versions.record(s.versionId(), "submission.accepted", tester.userId(), null, link(id));
        return submissions.find(id).orElseThrow();
    }

    GateView complete(Member tester, long id, boolean passed, String comment) {
        String note = text(comment, false, "comment");
        TestSubmission s = steps.require(id, SubmissionState.IN_TEST);
        if (!tester.userId().equals(s.tester())) {
            throw new AccessDeniedException("delivery.submission.error.notYourTest");
        }
        Task step = steps.step(s, "test");
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

    TestSubmission qcReview(Member reviewer, long id, boolean approved, String comment) {
        String note = text(comment, !approved, "reason");
        TestSubmission s = steps.require(id, SubmissionState.QC_REVIEW);
        qcSeparation.refusal(s, reviewer.userId()).ifPresent(key -> {
            throw new AccessDeniedException(key);
        });
        Task step = steps.step(s, "qcReview");
        if (!submissions.qcReview(id, approved, reviewer.userId(), note, clock.instant())) {
            throw new ConflictException("delivery.submission.error.changed");
        }
        work.complete(reviewer, step.getId(), Map.of("qcApproved", approved), note);
        if (approved) {
            GateView exit = evaluations.ofSubmission(id).stream().filter(g -> DeliveryGates.EXIT.equals(g.kind()))
                    .reduce((first, second) -> second).orElseThrow();
            artifacts.find(s.artifactId()).ifPresent(a -> steps.promote(a, properties.exitPromotesTo(), reviewer, id, exit));
        }
        versions.record(s.versionId(), approved ? "submission.qcApproved" : "submission.qcSentBack", reviewer.userId(),
                note, link(id));
        return submissions.find(id).orElseThrow();
    }

    TestSubmission sendBack(Member tester, long id, String reason) {
        String why = text(reason, true, "reason");
        TestSubmission s = steps.find(id);
        if (s.state() != SubmissionState.SUBMITTED && s.state() != SubmissionState.IN_TEST) {
            throw new ConflictException("delivery.submission.error.notNow", s.key());
        }
        if (s.state() == SubmissionState.IN_TEST && !tester.userId().equals(s.tester())) {
            throw new AccessDeniedException("delivery.submission.error.notYourTest");
        }
        Task step = steps.step(s, s.state() == SubmissionState.SUBMITTED ? "accept" : "test");
        if (!submissions.sendBack(id, s.state(), why, clock.instant())) {
            throw new ConflictException("delivery.submission.error.changed");
        }
        work.complete(tester, step.getId(), Map.of("outcome", "sendBack"), why);
        versions.record(s.versionId(), "submission.sentBack", tester.userId(), why, link(id));
        return submissions.find(id).orElseThrow();
    }
}
