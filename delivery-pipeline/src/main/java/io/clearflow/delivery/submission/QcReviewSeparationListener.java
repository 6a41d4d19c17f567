package io.clearflow.delivery.submission;

import io.clearflow.engine.work.ActingAs;
import org.flowable.task.service.delegate.DelegateTask;
import org.flowable.task.service.delegate.TaskListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The {@code complete} listener of the {@code qcReview} step: whoever completes it, by whichever path, is held
 * to {@link QcReviewSeparation}; a refused completion fails with its transaction.
 */
@Component("deliverySubmissionReviewSeparation")
class QcReviewSeparationListener implements TaskListener {

    private final SubmissionRepository submissions;
    private final QcReviewSeparation separation;

    QcReviewSeparationListener(SubmissionRepository submissions, QcReviewSeparation separation) {
        this.submissions = submissions;
        this.separation = separation;
    }

    @Override
    public void notify(DelegateTask task) {
        String userId = task.getAssignee() != null ? task.getAssignee() : ActingAs.currentUserId();
        Object id = task.getVariable("submissionId");
        TestSubmission s = id instanceof Number n ? submissions.find(n.longValue()).orElse(null) : null;
        if (s == null) {
            throw new IllegalStateException("QC review task " + task.getId() + " belongs to no test submission");
        }
        separation.refusal(s, userId).ifPresent(key -> {
            throw new AccessDeniedException(key);
        });
    }
}
