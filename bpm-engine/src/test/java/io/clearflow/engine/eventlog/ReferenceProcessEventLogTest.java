package io.clearflow.engine.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.ApprovalService;
import io.clearflow.engine.work.WorkService;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(classes = EngineTestApplication.class)
@ActiveProfiles("test")
class ReferenceProcessEventLogTest {

    @Autowired ApprovalService approvals;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired EventLogRepository log;

    @Test
    void theWholeLoopIsInTheEventLog() {
        var zhangsan = directory.requireMember("zhangsan");
        var lisi = directory.requireMember("lisi");
        var hegui = directory.requireMember("hegui");
        var request = approvals.submit(zhangsan, "账户资料变更", new BigDecimal("100.00"), "客户要求");

        var review = work.inbox(lisi, 0, 10).stream().filter(t -> request.caseId().equals(t.caseId())).findFirst().orElseThrow();
        assertThat(review.activityId()).isEqualTo("departmentReview");
        work.claim(lisi, review.id());
        approvals.decide(lisi, review.id(), true, "同意");

        var compliance = work.inbox(hegui, 0, 10).stream().filter(t -> request.caseId().equals(t.caseId())).findFirst().orElseThrow();
        approvals.decide(hegui, compliance.id(), true, null);

        var events = log.find(EventLogFilter.none().withCaseId(request.caseId()), 0, 100);
        assertThat(events).extracting(PlatformEvent::scope, PlatformEvent::activityId, PlatformEvent::lifecycle,
                        PlatformEvent::resource, PlatformEvent::department)
                .containsExactly(
                        tuple(PlatformEvent.Scope.PROCESS, null, "start", "zhangsan", "dept-registry"),
                        tuple(PlatformEvent.Scope.ACTIVITY, "submitted", "start", "zhangsan", "dept-registry"),
                        tuple(PlatformEvent.Scope.ACTIVITY, "submitted", "complete", "zhangsan", "dept-registry"),
                        tuple(PlatformEvent.Scope.TASK, "departmentReview", "schedule", null, "dept-registry"),
                        tuple(PlatformEvent.Scope.TASK, "departmentReview", "assign", "lisi", "dept-registry"),
                        tuple(PlatformEvent.Scope.TASK, "departmentReview", "complete", "lisi", "dept-registry"),
                        tuple(PlatformEvent.Scope.ACTIVITY, "departmentDecision", "start", "lisi", "dept-registry"),
                        tuple(PlatformEvent.Scope.ACTIVITY, "departmentDecision", "complete", "lisi", "dept-registry"),
                        tuple(PlatformEvent.Scope.TASK, "complianceReview", "schedule", null, "dept-compliance"),
                        tuple(PlatformEvent.Scope.TASK, "complianceReview", "assign", "hegui", "dept-compliance"),
                        tuple(PlatformEvent.Scope.TASK, "complianceReview", "complete", "hegui", "dept-compliance"),
                        tuple(PlatformEvent.Scope.ACTIVITY, "complianceDecision", "start", "hegui", "dept-compliance"),
                        tuple(PlatformEvent.Scope.ACTIVITY, "complianceDecision", "complete", "hegui", "dept-compliance"),
                        tuple(PlatformEvent.Scope.ACTIVITY, "approved", "start", "hegui", "dept-compliance"),
                        tuple(PlatformEvent.Scope.ACTIVITY, "approved", "complete", "hegui", "dept-compliance"),
                        tuple(PlatformEvent.Scope.PROCESS, null, "complete", "hegui", "dept-compliance"));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.processKey()).isEqualTo("referenceApproval");
            assertThat(e.processVersion()).isEqualTo(1);
        });
        assertThat(events.get(4).role()).isEqualTo("role-business");
        assertThat(events.get(4).attributes()).containsKey("waitingMs");
        assertThat(events.get(5).attributes()).containsKey("handlingMs");
    }
}
