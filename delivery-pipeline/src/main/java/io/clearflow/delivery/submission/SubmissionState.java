package io.clearflow.delivery.submission;

/** Where a test submission is. A submission whose entry criteria failed is never stored (see the README). */
public enum SubmissionState {
    /** entry passed, waiting for a tester to accept it */
    SUBMITTED,
    /** accepted by a tester, being tested */
    IN_TEST,
    /** sent back to the developer with a reason; they resubmit or withdraw */
    SENT_BACK,
    /** withdrawn by its submitter before acceptance */
    WITHDRAWN,
    /** tested, exit criteria passed: waiting for QC's review (QC approves, or sends it back to the tester) */
    QC_REVIEW,
    /** tested, exit criteria passed and approved by QC: a change may reference it */
    PASSED,
    /** tested, exit criteria failed */
    FAILED;

    public boolean open() {
        return this == SUBMITTED || this == IN_TEST || this == SENT_BACK || this == QC_REVIEW;
    }
}
