package io.clearflow.delivery.change;

import io.clearflow.delivery.submission.SubmissionService;
import io.clearflow.delivery.submission.TestSubmission;
import io.clearflow.delivery.version.VersionRef;
import io.clearflow.delivery.version.Versions;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may not decide on a change: its submitter, the developers of its version's artifacts, the submitter of its
 * test submission, and anyone who already decided on it (approvals need distinct people). One rule, asked by
 * the engine on every approval task's completion ({@link ChangeSeparationListener}) and by the change page to
 * explain why a user cannot approve.
 */
@Component
class SeparationOfDuties {

    static final String SUBMITTER = "delivery.change.sod.submitter";
    static final String DEVELOPER = "delivery.change.sod.developer";
    static final String SUBMISSION_AUTHOR = "delivery.change.sod.submissionAuthor";
    static final String ALREADY_DECIDED = "delivery.change.sod.alreadyDecided";

    private final Versions versions;
    private final SubmissionService submissions;
    private final ApprovalRepository approvals;

    SeparationOfDuties(Versions versions, SubmissionService submissions, ApprovalRepository approvals) {
        this.versions = versions;
        this.submissions = submissions;
        this.approvals = approvals;
    }

    /** The message key of the rule that forbids {@code userId} to decide on the change, or empty. */
    Optional<String> refusal(Change change, String userId) {
        if (userId == null || userId.equals(change.submittedBy())) {
            return Optional.of(SUBMITTER);
        }
        Optional<VersionRef> version = versions.find(change.versionId());
        if (version.isEmpty() || version.get().developers().contains(userId)) {
            return Optional.of(DEVELOPER);
        }
        Optional<TestSubmission> submission = submissions.find(change.testSubmissionId());
        if (submission.isEmpty() || userId.equals(submission.get().submittedBy())) {
            return Optional.of(SUBMISSION_AUTHOR);
        }
        if (approvals.decided(change.id(), userId)) {
            return Optional.of(ALREADY_DECIDED);
        }
        return Optional.empty();
    }
}
