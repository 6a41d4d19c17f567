package io.clearflow.delivery.submission;

import static io.clearflow.delivery.submission.SubmissionSteps.failedRules;
import static io.clearflow.delivery.submission.SubmissionSteps.link;
import static io.clearflow.delivery.submission.SubmissionSteps.requireSubmitter;
import static io.clearflow.delivery.submission.SubmissionSteps.text;

import io.clearflow.delivery.artifact.ArtifactRef;
import io.clearflow.delivery.artifact.Artifacts;
import io.clearflow.delivery.submission.SubmissionService.Outcome;
import io.clearflow.delivery.version.VersionRef;
import io.clearflow.delivery.version.Versions;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.work.ActingAs;
import io.clearflow.engine.work.WorkService;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.flowable.engine.RuntimeService;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Component;

/**
 * The submitter's steps: submit a version's artifact (refused, and not stored, when the entry criteria fail),
 * resubmit after a send-back (entry criteria again), withdraw before a tester took it.
 */
@Component
class SubmitterActions {

    private final SubmissionRepository submissions;
    private final GateEvaluationRepository evaluations;
    private final DeliveryGates gates;
    private final GateProperties properties;
    private final Versions versions;
    private final Artifacts artifacts;
    private final WorkService work;
    private final RuntimeService runtime;
    private final Clock clock;
    private final SubmissionSteps steps;

    SubmitterActions(SubmissionRepository submissions, GateEvaluationRepository evaluations, DeliveryGates gates,
                     GateProperties properties, Versions versions, Artifacts artifacts, WorkService work,
                     RuntimeService runtime, Clock clock, SubmissionSteps steps) {
        this.submissions = submissions;
        this.evaluations = evaluations;
        this.gates = gates;
        this.properties = properties;
        this.versions = versions;
        this.artifacts = artifacts;
        this.work = work;
        this.runtime = runtime;
        this.clock = clock;
        this.steps = steps;
    }

    Outcome submit(Member developer, long versionId, long artifactId) {
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
        work.start(developer, SubmissionService.PROCESS_KEY, "TS-" + id, Map.of("submissionId", id), caseId);
        steps.promote(artifact, properties.entryPromotesTo(), developer, id, stored);
        versions.record(versionId, "submission.submitted", developer.userId(), artifact.name() + " " + artifact.sha256(),
                link(id));
        return new Outcome(submissions.find(id).orElseThrow(), stored);
    }

    Outcome resubmit(Member developer, long id) {
        TestSubmission s = steps.require(id, SubmissionState.SENT_BACK);
        requireSubmitter(developer, s);
        VersionRef version = versions.find(s.versionId())
                .orElseThrow(() -> new NotFoundException("version", String.valueOf(s.versionId())));
        GateView gate = gates.entry(version, developer.userId());
        if (!gate.passed()) {
            versions.record(s.versionId(), "submission.refused", developer.userId(), failedRules(gate), link(id));
            return new Outcome(s, gate);
        }
        Task step = steps.step(s, "rework");
        GateView stored = evaluations.insert(id, gate);
        if (!submissions.resubmit(id, clock.instant())) {
            throw new ConflictException("delivery.submission.error.changed");
        }
        work.complete(developer, step.getId(), Map.of("resubmitted", true), null);
        artifacts.find(s.artifactId()).ifPresent(a -> steps.promote(a, properties.entryPromotesTo(), developer, id, stored));
        versions.record(s.versionId(), "submission.resubmitted", developer.userId(), null, link(id));
        return new Outcome(submissions.find(id).orElseThrow(), stored);
    }

    TestSubmission withdraw(Member developer, long id, String reason) {
        String why = text(reason, true, "reason");
        TestSubmission s = steps.find(id);
        requireSubmitter(developer, s);
        if (s.state() != SubmissionState.SUBMITTED && s.state() != SubmissionState.SENT_BACK) {
            throw new ConflictException("delivery.submission.error.notNow", s.key());
        }
        if (!submissions.withdraw(id, s.state(), clock.instant())) {
            throw new ConflictException("delivery.submission.error.changed");
        }
        if (s.state() == SubmissionState.SENT_BACK) {
            work.complete(developer, steps.step(s, "rework").getId(), Map.of("resubmitted", false), why);
        } else {
            // waiting for a tester: the case ends here, attributed to the submitter in the engine's history
            ActingAs.member(developer, () -> runtime.deleteProcessInstance(s.caseId(), "withdrawn: " + why));
        }
        versions.record(s.versionId(), "submission.withdrawn", developer.userId(), why, link(id));
        return submissions.find(id).orElseThrow();
    }
}
