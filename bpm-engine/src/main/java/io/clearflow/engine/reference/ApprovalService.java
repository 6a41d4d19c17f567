package io.clearflow.engine.reference;

import io.clearflow.engine.api.DeclaredRules;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.work.CaseView;
import io.clearflow.engine.work.CaseOpinions;
import io.clearflow.engine.work.WorkService;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reference two-step approval: the request record and its process start in one transaction. */
@Service
public class ApprovalService {

    public static final String PROCESS_KEY = "referenceApproval";

    /**
     * A request as submitted, stripped so the limits count what is stored. The amount fits the column: at most
     * 16 digits before the point and 2 after, never negative. Messages are bundle keys.
     */
    record Submission(
            @NotBlank(message = "approval.error.title") @Size(max = 200, message = "approval.error.title") String title,
            @NotNull(message = "approval.amount.invalid") @DecimalMin(value = "0", message = "approval.amount.invalid")
            @Digits(integer = 16, fraction = 2, message = "approval.amount.invalid") BigDecimal amount,
            @NotBlank(message = "approval.error.reason") @Size(max = 2000, message = "approval.error.reason") String reason) {

        Submission {
            title = title == null ? null : title.strip();
            reason = reason == null ? null : reason.strip();
        }
    }

    private final ApprovalRequestRepository requests;
    private final WorkService work;
    private final Clock clock;
    private final CaseOpinions opinions;
    private final Validator validator;

    ApprovalService(ApprovalRequestRepository requests, WorkService work, Clock clock, CaseOpinions opinions,
                    Validator validator) {
        this.opinions = opinions;
        this.validator = validator;
        this.requests = requests;
        this.work = work;
        this.clock = clock;
    }

    @Transactional
    public ApprovalRequest submit(Member requester, String title, BigDecimal amount, String reason) {
        Submission submission = DeclaredRules.check(validator, new Submission(title, amount, reason), "common.formErrors");
        var now = clock.instant();
        // the case id is chosen first, so the row is written whole in one statement; the case is
        // started under that id below, in the same transaction
        String caseId = work.newCaseId();
        long id = requests.insert(caseId, submission.title(), submission.amount(), submission.reason(), requester.userId(),
                requester.department(), now);
        CaseView started = work.start(requester, PROCESS_KEY, "APR-" + id, Map.of("requestId", id), caseId);
        return new ApprovalRequest(id, started.id(), submission.title(), submission.amount(), submission.reason(),
                requester.userId(), requester.department(), now);
    }

    /** The request behind a case; callers check first that the member may see the case. */
    @Transactional(readOnly = true)
    public ApprovalRequest forCase(String caseId) {
        return requests.forCase(caseId).orElseThrow(() -> new NotFoundException("approval request of case", caseId));
    }

    /** Approve or reject the review task a member holds or can take. */
    @Transactional
    public void decide(Member reviewer, String taskId, boolean approved, String comment) {
        opinions.decision(reviewer, taskId, approved, comment);
        work.complete(reviewer, taskId, Map.of("approved", approved), null);
    }
}
