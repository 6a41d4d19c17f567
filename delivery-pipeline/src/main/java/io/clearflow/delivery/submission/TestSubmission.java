package io.clearflow.delivery.submission;

import java.time.Instant;
import java.util.List;

/**
 * A test submission (提测单).
 *
 * @param scopeDemandIds the demands of the version at submission (its scope)
 * @param tester         who accepted it, null before
 * @param verdictPassed  the tester's verdict, null before completion
 * @param qcReviewer     who reviewed it for QC after exit (approved or sent back), null before
 * @param qcComment      QC's comment, or the reason QC sent it back to the tester
 */
public record TestSubmission(long id, long versionId, long artifactId, String system, String version,
                             SubmissionState state, String caseId, List<Long> scopeDemandIds, String submittedBy,
                             Instant submittedAt, String tester, Instant acceptedAt, Boolean verdictPassed,
                             String verdictComment, Instant completedAt, String sendBackReason, String qcReviewer,
                             Instant qcReviewedAt, String qcComment) {

    public TestSubmission {
        scopeDemandIds = List.copyOf(scopeDemandIds);
    }

    public String key() {
        return "TS-" + id;
    }
}
