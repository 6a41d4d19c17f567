package io.clearflow.delivery.submission;

import io.clearflow.delivery.version.Versions;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may not review a submission for QC, as for a change's approvals: its submitter, the version's developers
 * (they authored its artifacts) and the tester whose verdict is being reviewed. Used by the service for a clear
 * 403 and by the engine's listener, so that no path around the service escapes it.
 */
@Component
class QcReviewSeparation {

    private final Versions versions;

    QcReviewSeparation(Versions versions) {
        this.versions = versions;
    }

    /** The message key of the rule that excludes the user, or empty when they may review. */
    Optional<String> refusal(TestSubmission s, String userId) {
        if (userId == null) {
            return Optional.of("delivery.submission.qc.sod.unknown");
        }
        if (userId.equals(s.submittedBy())) {
            return Optional.of("delivery.submission.qc.sod.submitter");
        }
        if (userId.equals(s.tester())) {
            return Optional.of("delivery.submission.qc.sod.tester");
        }
        boolean developer = versions.find(s.versionId()).map(v -> v.developers().contains(userId)).orElse(false);
        return developer ? Optional.of("delivery.submission.qc.sod.developer") : Optional.empty();
    }
}
