package io.clearflow.engine.reference;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.work.CaseView;
import io.clearflow.engine.work.CaseOpinions;
import io.clearflow.engine.work.WorkService;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reference two-step approval: the request record and its process start in one transaction. */
@Service
public class ApprovalService {

    public static final String PROCESS_KEY = "referenceApproval";
    static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999999.99");

    private final ApprovalRequestRepository requests;
    private final WorkService work;
    private final Clock clock;
    private final CaseOpinions opinions;

    ApprovalService(ApprovalRequestRepository requests, WorkService work, Clock clock, CaseOpinions opinions) {
        this.opinions = opinions;
        this.requests = requests;
        this.work = work;
        this.clock = clock;
    }

    @Transactional
    public ApprovalRequest submit(Member requester, String title, BigDecimal amount, String reason) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (title == null || title.isBlank() || title.strip().length() > 200) {
            errors.put("title", "approval.error.title");
        }
        if (amount == null || amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.scale() > 2) {
            errors.put("amount", "approval.amount.invalid");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 2000) {
            errors.put("reason", "approval.error.reason");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("common.formErrors", errors);
        }
        var now = clock.instant();
        // the case id is chosen first, so the row is written whole in one statement; the case is
        // started under that id below, in the same transaction
        String caseId = work.newCaseId();
        long id = requests.insert(caseId, title.strip(), amount, reason.strip(), requester.userId(),
                requester.department(), now);
        CaseView started = work.start(requester, PROCESS_KEY, "APR-" + id, Map.of("requestId", id), caseId);
        return new ApprovalRequest(id, started.id(), title.strip(), amount, reason.strip(), requester.userId(),
                requester.department(), now);
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
