package io.clearflow.delivery.submission;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.work.WorkService;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The test-submission (提测单) flow. Each step checks the member and the submission's state, moves the
 * business row, stores the gate evaluation and completes the matching step of {@value #PROCESS_KEY} through
 * {@link WorkService}, in one transaction. A submission whose entry criteria fail is not stored: the refusal
 * (with every rule) goes into the version's timeline and back to the caller. The steps live in
 * {@link SubmitterActions} (submit, resubmit, withdraw) and {@link TestingActions} (accept, verdict, send-back,
 * QC review); this service is their transaction boundary and the reads.
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
    private final SubmitterActions submitter;
    private final TestingActions testing;
    private final SubmissionSteps steps;

    SubmissionService(SubmissionRepository submissions, GateEvaluationRepository evaluations, SubmitterActions submitter,
                      TestingActions testing, SubmissionSteps steps) {
        this.submissions = submissions;
        this.evaluations = evaluations;
        this.submitter = submitter;
        this.testing = testing;
        this.steps = steps;
    }

    /** Submits the version's artifact for test if its entry criteria pass. */
    @Transactional
    public Outcome submit(Member developer, long versionId, long artifactId) {
        return submitter.submit(developer, versionId, artifactId);
    }

    /** A tester takes the submission into test; the test step then waits in their own inbox. */
    @Transactional
    public TestSubmission accept(Member tester, long id) {
        return testing.accept(tester, id);
    }

    /**
     * The accepting tester records the verdict; the exit criteria (the verdict and test-metrics' exit rule set)
     * decide whether the submission passed. A pass waits for QC's review before the artifact moves on.
     */
    @Transactional
    public GateView complete(Member tester, long id, boolean passed, String comment) {
        return testing.complete(tester, id, passed, comment);
    }

    /**
     * QC reviews a submission that passed its exit criteria: approved → PASSED (a change may now reference it) and
     * the artifact is promoted as the exit gate configures; sent back (reason required) → IN_TEST with the same
     * tester. Separation of duties: not the submitter, the version's developers or the tester.
     */
    @Transactional
    public TestSubmission qcReview(Member reviewer, long id, boolean approved, String comment) {
        return testing.qcReview(reviewer, id, approved, comment);
    }

    /** A tester sends the submission back to its developer with a reason, before or during the test. */
    @Transactional
    public TestSubmission sendBack(Member tester, long id, String reason) {
        return testing.sendBack(tester, id, reason);
    }

    /** The submitter resubmits a sent-back submission; the entry criteria are evaluated again. */
    @Transactional
    public Outcome resubmit(Member developer, long id) {
        return submitter.resubmit(developer, id);
    }

    /** The submitter withdraws (回收) the submission before a tester accepted it, with a reason. */
    @Transactional
    public TestSubmission withdraw(Member developer, long id, String reason) {
        return submitter.withdraw(developer, id, reason);
    }

    @Transactional(readOnly = true)
    public Optional<TestSubmission> find(long id) {
        return submissions.find(id);
    }

    @Transactional(readOnly = true)
    public Detail detail(long id) {
        return new Detail(steps.find(id), evaluations.ofSubmission(id));
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
}
