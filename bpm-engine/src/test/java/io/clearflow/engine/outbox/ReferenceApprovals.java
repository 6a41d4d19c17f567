package io.clearflow.engine.outbox;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.ApprovalService;
import io.clearflow.engine.work.WorkService;
import java.math.BigDecimal;

/**
 * Drives the reference two-step approval as the demo users would: zhangsan submits, lisi (his
 * department) reviews, hegui (compliance) signs off. Every step is its own engine transaction.
 */
final class ReferenceApprovals {

    private final ApprovalService approvals;
    private final WorkService work;
    private final OrgDirectory directory;

    ReferenceApprovals(ApprovalService approvals, WorkService work, OrgDirectory directory) {
        this.approvals = approvals;
        this.work = work;
        this.directory = directory;
    }

    /** Starts a case and returns its id. */
    String submit(String title) {
        return approvals.submit(directory.requireMember("zhangsan"), title, new BigDecimal("100.00"), "outbox test")
                .caseId();
    }

    /** lisi claims the department review (a separate step, so the log shows assign) and approves. */
    void departmentApproves(String caseId) {
        Member lisi = directory.requireMember("lisi");
        String task = openTask(lisi, caseId);
        work.claim(lisi, task);
        approvals.decide(lisi, task, true, "ok");
    }

    void complianceApproves(String caseId) {
        Member hegui = directory.requireMember("hegui");
        approvals.decide(hegui, openTask(hegui, caseId), true, null);
    }

    void runToCompletion(String caseId) {
        departmentApproves(caseId);
        complianceApproves(caseId);
    }

    private String openTask(Member member, String caseId) {
        return work.inbox(member, 0, 200).stream()
                .filter(t -> caseId.equals(t.caseId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no task of case " + caseId + " in the inbox of " + member.userId()))
                .id();
    }
}
