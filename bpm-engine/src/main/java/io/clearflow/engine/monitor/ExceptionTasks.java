package io.clearflow.engine.monitor;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.eventlog.TaskActionLog;
import io.clearflow.engine.identity.OrgDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.TaskService;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.Task;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exception-task handling (异常任务处理): open tasks that are overdue, or whose instance is stuck on a
 * failed job. Supervisors reassign such a task to another candidate, or retry the failed job (through
 * {@link JobMonitor}). Reassigning is logged as {@code reassign} in the event log, like a transfer.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN','OPS','PROCESS_OWNER','IT_MANAGER')")
class ExceptionTasks {

    static final int MAX_ROWS = 500;
    // spelled out in monitor.refused.reasonField
    static final int MAX_REASON = 2000;

    /** {@code overdue}: past its due date; {@code failedJob}: its instance has a failed job. */
    public record ExceptionTask(String id, String name, String activityId, String caseId, String processKey,
                                String processName, String initiator, String assignee, Instant created, Instant due,
                                boolean overdue, boolean failedJob) { }

    private final ExceptionTaskQueries queries;
    private final TaskService tasks;
    private final TaskActionLog actions;
    private final OrgDirectory directory;
    private final Clock clock;

    public ExceptionTasks(ExceptionTaskQueries queries, TaskService tasks, TaskActionLog actions, OrgDirectory directory,
                          Clock clock) {
        this.queries = queries;
        this.tasks = tasks;
        this.actions = actions;
        this.directory = directory;
        this.clock = clock;
    }

    /** Overdue and blocked tasks, the longest overdue first (at most {@value #MAX_ROWS}). */
    @Transactional(readOnly = true)
    public List<ExceptionTask> list() {
        return queries.overdueOrBlocked(clock.instant(), MAX_ROWS);
    }

    /**
     * Gives an open task to another person who is one of its candidates (in person or through a
     * department or role), with a reason; the task keeps its due date.
     */
    @Transactional
    public void reassign(Member by, String taskId, String toUserId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new InvalidRequestException("monitor.refused.reason", Map.of("reason", "monitor.refused.reasonField"));
        }
        Task task = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new NotFoundException("open task", taskId);
        }
        Member to = directory.member(toUserId).orElseThrow(() -> new InvalidRequestException("monitor.refused.unknownUser",
                Map.of("userId", "monitor.refused.unknownUserField")));
        if (to.userId().equals(task.getAssignee())) {
            throw new InvalidRequestException("monitor.refused.alreadyAssignee", Map.of("userId", "monitor.refused.alreadyAssigneeField"));
        }
        var groups = to.candidateGroups();
        boolean candidate = tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> to.userId().equals(link.getUserId())
                        || (link.getGroupId() != null && groups.contains(link.getGroupId())));
        if (!candidate) {
            throw new InvalidRequestException("monitor.refused.notCandidate", Map.of("userId", "monitor.refused.notCandidateField"));
        }
        actions.record(task, PlatformEvent.Lifecycle.REASSIGN, by, Map.of("to", to.userId(), "reason", reason.strip()));
        // the engine records the supervisor as the author (as WorkService's ActingAs does for members)
        var saved = SecurityContextHolder.getContext().getAuthentication();
        boolean other = !by.userId().equals(Authentication.getAuthenticatedUserId());
        if (other) {
            Authentication.setAuthenticatedUserId(by.userId());
        }
        try {
            tasks.addComment(taskId, task.getProcessInstanceId(), "reassign", reason.strip());
            tasks.setAssignee(taskId, to.userId());
        } finally {
            if (other) {
                SecurityContextHolder.getContext().setAuthentication(saved);
            }
        }
    }
}
