package io.clearflow.engine.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.eventlog.EventLogFilter;
import io.clearflow.engine.eventlog.EventLogService;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.ApprovalService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/** Task operations and who may do them; the event log's department scoping. */
@SpringBootTest(classes = EngineTestApplication.class)
@ActiveProfiles("test")
class TaskOperationsTest {

    @Autowired ApprovalService approvals;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired EventLogService eventLog;
    @Autowired HistoryService history;

    Member zhangsan() { return directory.requireMember("zhangsan"); }
    Member lisi() { return directory.requireMember("lisi"); }
    Member wangwu() { return directory.requireMember("wangwu"); }

    private String reviewTask(String caseId, Member reviewer) {
        return work.inbox(reviewer, 0, 200).stream().filter(t -> caseId.equals(t.caseId())).findFirst().orElseThrow().id();
    }

    @Test
    void aTaskGoesToTheRequestersDepartmentOnly() {
        var request = approvals.submit(zhangsan(), "t", BigDecimal.ONE, "r");
        assertThat(work.inbox(lisi(), 0, 200)).anyMatch(t -> t.caseId().equals(request.caseId()));
        assertThat(work.inbox(wangwu(), 0, 200)).noneMatch(t -> t.caseId().equals(request.caseId()));
        String taskId = reviewTask(request.caseId(), lisi());
        // another department's task is "not found", as its case is: nothing tells an outsider it exists
        assertThatThrownBy(() -> work.complete(wangwu(), taskId, Map.of("approved", true), null))
                .isInstanceOf(io.clearflow.engine.api.NotFoundException.class);
    }

    @Test
    void someoneElsesClaimedTaskCannotBeCompletedOrClaimed() {
        var request = approvals.submit(zhangsan(), "t", BigDecimal.ONE, "r");
        String taskId = reviewTask(request.caseId(), lisi());
        work.claim(lisi(), taskId);
        // a claimed task leaves the other candidates' inboxes and stays in the holder's
        assertThat(work.inbox(zhangsan(), 0, 200)).noneMatch(t -> t.id().equals(taskId));
        assertThat(work.inbox(lisi(), 0, 200)).anyMatch(t -> t.id().equals(taskId) && "lisi".equals(t.assignee()));
        assertThatThrownBy(() -> work.complete(zhangsan(), taskId, Map.of("approved", true), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> work.claim(zhangsan(), taskId)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> work.unclaim(zhangsan(), taskId)).isInstanceOf(ConflictException.class);
        work.unclaim(lisi(), taskId);
        assertThat(work.task(zhangsan(), taskId).assignee()).isNull();
    }

    @Test
    void twoPeopleCompletingTheSameTaskAtOnceOneWinsTheOtherGetsAConflict() throws Exception {
        var request = approvals.submit(zhangsan(), "t", BigDecimal.ONE, "r");
        String taskId = reviewTask(request.caseId(), lisi());
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        var pool = Executors.newFixedThreadPool(2);
        for (Member m : List.of(lisi(), zhangsan())) {
            pool.submit(() -> {
                try {
                    start.await();
                    work.complete(m, taskId, Map.of("approved", true), null);
                } catch (Throwable t) {
                    failures.add(t);
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).isInstanceOfAny(FlowableOptimisticLockingException.class, AccessDeniedException.class,
                org.flowable.common.engine.api.FlowableObjectNotFoundException.class,
                io.clearflow.engine.api.NotFoundException.class, ConflictException.class,
                org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException.class);
        // exactly one completion reached the engine and the log
        assertThat(history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count()).isEqualTo(1);
        var completions = eventLog.find(directory.requireMember("admin"),
                new EventLogFilter(request.caseId(), null, null, null, "departmentReview", "complete", null, null, null), 0, 10);
        assertThat(completions.totalElements()).isEqualTo(1);
    }

    @Test
    void rejectionEndsTheCaseAndTheRequesterCanFollowIt() {
        var request = approvals.submit(zhangsan(), "t", BigDecimal.ONE, "r");
        approvals.decide(lisi(), reviewTask(request.caseId(), lisi()), false, "资料不全");
        var view = work.caseOf(zhangsan(), request.caseId());
        assertThat(view.state()).isEqualTo("completed");
        assertThat(view.endActivityId()).isEqualTo("rejected");
        assertThat(work.startedBy(zhangsan(), 0, 200)).anyMatch(c -> c.id().equals(request.caseId()));
        assertThatThrownBy(() -> work.caseOf(wangwu(), request.caseId()))
                .isInstanceOf(io.clearflow.engine.api.NotFoundException.class);
    }

    @Test
    void theEventLogShowsOtherDepartmentsOnlyToGovernanceRoles() {
        var request = approvals.submit(zhangsan(), "t", BigDecimal.ONE, "r");
        var wangwuView = eventLog.find(wangwu(), EventLogFilter.none(), 0, 500);
        assertThat(wangwuView.content()).allMatch(e -> "dept-clearing".equals(e.department()));
        assertThatThrownBy(() -> eventLog.find(wangwu(), EventLogFilter.none().withDepartment("dept-registry"), 0, 10))
                .isInstanceOf(AccessDeniedException.class);
        // the requester follows their own case across departments
        assertThat(eventLog.find(zhangsan(), EventLogFilter.none().withCaseId(request.caseId()), 0, 50).totalElements())
                .isGreaterThan(0);
        assertThat(eventLog.find(directory.requireMember("sunqi"), EventLogFilter.none().withCaseId(request.caseId()), 0, 50)
                .totalElements()).isGreaterThan(0);
    }
}
