package io.clearflow.delivery.change;

import static io.clearflow.delivery.change.ChangeService.link;

import io.clearflow.delivery.submission.SubmissionService;
import io.clearflow.delivery.submission.SubmissionState;
import io.clearflow.delivery.submission.TestSubmission;
import io.clearflow.delivery.version.VersionRef;
import io.clearflow.delivery.version.Versions;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.work.WorkService;
import io.clearflow.testmetrics.api.DeliveryEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Raises a change on a test submission that passed QC: stores it with the roles its system and compliance need,
 * starts {@value ChangeService#PROCESS_KEY} so the approvals wait in the inboxes, and tells DORA its first commit.
 */
@Component
class ChangeRaising {

    private final ChangeRepository changes;
    private final ChangeProperties properties;
    private final SubmissionService submissions;
    private final Versions versions;
    private final DeliveryEvents dora;
    private final WorkService work;
    private final Clock clock;

    ChangeRaising(ChangeRepository changes, ChangeProperties properties, SubmissionService submissions,
                  Versions versions, DeliveryEvents dora, WorkService work, Clock clock) {
        this.changes = changes;
        this.properties = properties;
        this.submissions = submissions;
        this.versions = versions;
        this.dora = dora;
        this.work = work;
        this.clock = clock;
    }

    Change raise(Member submitter, NewChange input) {
        TestSubmission submission = submissions.find(input.testSubmissionId())
                .orElseThrow(() -> new NotFoundException("test submission", String.valueOf(input.testSubmissionId())));
        if (submission.state() != SubmissionState.PASSED) {
            throw new ConflictException("delivery.change.error.notPassed", submission.key(), submission.state());
        }
        if (changes.openForSubmission(submission.id())) {
            throw new ConflictException("delivery.change.error.exists", submission.key());
        }
        VersionRef version = versions.find(submission.versionId())
                .orElseThrow(() -> new NotFoundException("version", String.valueOf(submission.versionId())));
        boolean compliance = Boolean.TRUE.equals(input.complianceRelevant());
        boolean emergency = Boolean.TRUE.equals(input.emergency());
        List<PlatformRole> required = properties.required(version.critical(), compliance);
        Instant now = clock.instant();
        String caseId = work.newCaseId();
        long id = changes.insert(new ChangeRepository.NewRow(submission.id(), version.id(), submission.artifactId(),
                version.system(), version.critical(), input.risk().toLowerCase(Locale.ROOT), input.window().strip(),
                input.rollbackPlan().strip(), blankToNull(input.deploymentSteps()), input.affectedSystems(), compliance,
                emergency, required, input.firstCommitAt(), caseId, submitter.userId(), now));
        Change change = changes.find(id).orElseThrow();
        work.start(submitter, ChangeService.PROCESS_KEY, change.key(), Map.of("changeId", id, "emergency", emergency,
                "approvalRoles", emergency ? "," : ChangeApprovals.roles(required)), caseId);
        // DORA's lead time runs from the first commit: test-metrics keeps a change only with that time
        if (change.firstCommitAt() != null) {
            dora.record(List.of(), List.of(new DeliveryEvents.Change(change.system(), change.key(), change.firstCommitAt(),
                    null)), List.of());
        }
        versions.record(version.id(), emergency ? "change.raisedEmergency" : "change.raised", submitter.userId(),
                change.key(), link(id));
        return change;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
