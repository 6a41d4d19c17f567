package io.clearflow.engine.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.eventlog.EventLogFilter;
import io.clearflow.engine.eventlog.EventLogRepository;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.ApprovalService;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/**
 * Send back (打回) and withdraw (回收), and their event-log rows, which process mining counts as
 * rework. Inputs tried: a step that never ran, a blank reason, withdrawing after the next step was
 * claimed, withdrawing by someone who did not do the last step.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@ActiveProfiles("test")
class SendBackAndWithdrawTest {

    @Autowired ApprovalService approvals;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired EventLogRepository log;

    Member m(String id) {
        return directory.requireMember(id);
    }

    private String task(String caseId, Member who) {
        return work.inbox(who, 0, 200).stream().filter(t -> t.caseId().equals(caseId)).findFirst().orElseThrow().id();
    }

    private String atCompliance() {
        var request = approvals.submit(m("zhangsan"), "t", BigDecimal.ONE, "r");
        approvals.decide(m("lisi"), task(request.caseId(), m("lisi")), true, null);
        return request.caseId();
    }

    private long lifecycleCount(String caseId, String lifecycle) {
        return log.count(new EventLogFilter(caseId, null, null, null, null, lifecycle, null, null, null));
    }

    @Test
    void complianceSendsBackToDepartmentReviewWithAReason() {
        String caseId = atCompliance();
        String complianceTask = task(caseId, m("hegui"));
        assertThat(work.sendBackTargets(m("hegui"), complianceTask)).extracting(WorkService.Step::activityId)
                .containsExactly("departmentReview");

        work.sendBack(m("hegui"), complianceTask, "departmentReview", "缺少附件");

        var back = work.inbox(m("lisi"), 0, 200).stream().filter(t -> t.caseId().equals(caseId)).findFirst().orElseThrow();
        assertThat(back.activityId()).isEqualTo("departmentReview");
        assertThat(work.inbox(m("hegui"), 0, 200)).noneMatch(t -> t.caseId().equals(caseId));
        var sentBack = log.find(new EventLogFilter(caseId, null, null, null, null, PlatformEvent.Lifecycle.SEND_BACK,
                null, null, null), 0, 10);
        assertThat(sentBack).singleElement().satisfies(e -> {
            assertThat(e.activityId()).isEqualTo("complianceReview");
            assertThat(e.resource()).isEqualTo("hegui");
            assertThat(e.department()).isEqualTo("dept-compliance");
            assertThat(e.attributes()).containsEntry("reason", "缺少附件").containsEntry("target", "departmentReview");
        });
        // the step arrives again in the department's inbox: a second schedule of department review
        assertThat(log.count(new EventLogFilter(caseId, null, null, null, "departmentReview", "schedule", null, null, null)))
                .isEqualTo(2);
    }

    @Test
    void sendingBackToAStepThatNeverRanOrWithoutReasonChangesNothing() {
        String caseId = atCompliance();
        String complianceTask = task(caseId, m("hegui"));
        assertThatThrownBy(() -> work.sendBack(m("hegui"), complianceTask, "approved", "x"))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> work.sendBack(m("hegui"), complianceTask, "departmentReview", " "))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> work.sendBack(m("wangwu"), complianceTask, "departmentReview", "x"))
                .isInstanceOf(io.clearflow.engine.api.NotFoundException.class);
        assertThat(task(caseId, m("hegui"))).isEqualTo(complianceTask);
        assertThat(lifecycleCount(caseId, PlatformEvent.Lifecycle.SEND_BACK)).isZero();
    }

    @Test
    void theReviewerWithdrawsTheirStepWhileComplianceHasNotClaimedIt() {
        String caseId = atCompliance();
        assertThat(work.withdrawal(m("lisi"), caseId)).contains(WorkService.Withdrawal.TAKE_BACK_STEP);
        assertThat(work.withdrawal(m("zhangsan"), caseId)).isEmpty();

        work.withdraw(m("lisi"), caseId, "意见写错了");

        var back = work.inbox(m("lisi"), 0, 200).stream().filter(t -> t.caseId().equals(caseId)).findFirst().orElseThrow();
        assertThat(back.activityId()).isEqualTo("departmentReview");
        assertThat(back.assignee()).isEqualTo("lisi");
        assertThat(lifecycleCount(caseId, PlatformEvent.Lifecycle.WITHDRAW)).isEqualTo(1);
    }

    @Test
    void withdrawingIsTooLateOnceTheNextStepIsClaimed() {
        String caseId = atCompliance();
        work.claim(m("hegui"), task(caseId, m("hegui")));
        assertThatThrownBy(() -> work.withdraw(m("lisi"), caseId, "too late")).isInstanceOf(ConflictException.class);
        assertThat(lifecycleCount(caseId, PlatformEvent.Lifecycle.WITHDRAW)).isZero();
    }

    @Test
    void onlyTheLastHandlerOrTheInitiatorBeforeAnyoneActedMayWithdraw() {
        String caseId = atCompliance();
        assertThatThrownBy(() -> work.withdraw(m("zhangsan"), caseId, "mine")).isInstanceOf(AccessDeniedException.class);

        var fresh = approvals.submit(m("zhangsan"), "t", BigDecimal.ONE, "r");
        assertThat(work.withdrawal(m("zhangsan"), fresh.caseId())).contains(WorkService.Withdrawal.CANCEL_CASE);
        work.withdraw(m("zhangsan"), fresh.caseId(), "提交错了");
        assertThat(work.caseOf(m("zhangsan"), fresh.caseId()).state()).isEqualTo("cancelled");
        assertThat(work.inbox(m("lisi"), 0, 200)).noneMatch(t -> t.caseId().equals(fresh.caseId()));
        assertThat(lifecycleCount(fresh.caseId(), PlatformEvent.Lifecycle.WITHDRAW)).isEqualTo(1);
        assertThat(lifecycleCount(fresh.caseId(), PlatformEvent.Lifecycle.CANCEL)).isEqualTo(1);
    }
}
