package io.clearflow.engine.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.eventlog.EventLogFilter;
import io.clearflow.engine.eventlog.EventLogRepository;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.ApprovalService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The inbox, the visibility checks and the event log read a member's department and roles from the
 * directory's cache. A user moved to another department must be seen there at once: the old
 * department's tasks leave their inbox and become out of bounds, the new department's arrive, and
 * what they do is logged under the new department.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@ActiveProfiles("test")
class OrgChangeSeenAtOnceTest {

    private static final List<String> BUSINESS = List.of(PlatformRole.BUSINESS.groupId());

    @Autowired ApprovalService approvals;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired EventLogRepository log;

    @Test
    void aUserMovedToAnotherDepartmentIsSeenThereAtOnce() {
        directory.createUser("mover", "Mover", null, "dept-registry", BUSINESS, "secret-password");
        var registryCase = approvals.submit(directory.requireMember("zhangsan"), "registry", BigDecimal.ONE, "r").caseId();
        String registryTask = inboxTask(directory.requireMember("mover"), registryCase);
        assertThat(registryTask).as("in the registry department, the registry's review is in the inbox").isNotNull();

        directory.updateUser("mover", "Mover", null, "dept-clearing", BUSINESS);

        Member moved = directory.requireMember("mover");
        assertThat(moved.department()).isEqualTo("dept-clearing");
        assertThat(inboxTask(moved, registryCase)).as("the old department's task has left the inbox").isNull();
        assertThatThrownBy(() -> work.claim(moved, registryTask))
                .isInstanceOf(io.clearflow.engine.api.NotFoundException.class);

        var clearingCase = approvals.submit(directory.requireMember("wangwu"), "clearing", BigDecimal.ONE, "r").caseId();
        String clearingTask = inboxTask(moved, clearingCase);
        assertThat(clearingTask).as("the new department's task is in the inbox").isNotNull();
        work.complete(moved, clearingTask, Map.of("approved", true), null);

        var completed = log.find(new EventLogFilter(clearingCase, null, null, "mover", null, "complete", "task", null, null),
                0, 10);
        assertThat(completed).singleElement().satisfies(e -> assertThat(e.department()).isEqualTo("dept-clearing"));
    }

    private String inboxTask(Member member, String caseId) {
        return work.inbox(member, 0, 200).stream().filter(t -> caseId.equals(t.caseId())).map(TaskView::id)
                .findFirst().orElse(null);
    }
}
