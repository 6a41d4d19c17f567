package io.clearflow.engine.work;

import io.clearflow.engine.api.Member;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskQuery;
import org.springframework.stereotype.Component;

/** Read side of a member's work: the inbox, one task and its step, the cases they started or follow. */
@Component
class InboxQueries {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final TaskVisibility visibility;
    private final WorkViews views;

    InboxQueries(TaskService tasks, RuntimeService runtime, HistoryService history, TaskVisibility visibility,
                 WorkViews views) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.visibility = visibility;
        this.views = views;
    }

    List<TaskView> inbox(Member member, int page, int size) {
        WorkInput.checkPage(page, size);
        List<Task> tasksOnPage = inboxQuery(member)
                .orderByTaskCreateTime().desc()
                .listPage(page * size, size);
        // one query for the business keys of the whole page, not one per task
        var caseIds = tasksOnPage.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, String> businessKeys = new HashMap<>();
        if (!caseIds.isEmpty()) {
            runtime.createProcessInstanceQuery().processInstanceIds(caseIds).list()
                    .forEach(p -> businessKeys.put(p.getId(), p.getBusinessKey()));
        }
        return tasksOnPage.stream().map(t -> views.task(t, businessKeys.get(t.getProcessInstanceId()))).toList();
    }

    long inboxSize(Member member) {
        return inboxQuery(member).count();
    }

    /**
     * Tasks assigned to the member, or unassigned and offered to them or to one of their groups. The
     * groups are the member's own (cached, kept current by {@link io.clearflow.engine.identity.OrgDirectory}):
     * left out, Flowable would ask IDM for them on every inbox query. The SQL is the same either way.
     */
    private TaskQuery inboxQuery(Member member) {
        var query = tasks.createTaskQuery().taskCandidateOrAssigned(member.userId());
        List<String> groups = member.candidateGroups();
        return groups.isEmpty() ? query : query.taskCandidateGroupIn(groups);
    }

    TaskView task(Member member, String taskId) {
        return views.task(visibility.visibleTask(member, taskId));
    }

    TaskStep step(Member member, String taskId) {
        Task task = visibility.visibleTask(member, taskId);
        return new TaskStep(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getFormKey());
    }

    List<CaseView> startedBy(Member member, int page, int size) {
        WorkInput.checkPage(page, size);
        return history.createHistoricProcessInstanceQuery().startedBy(member.userId())
                .orderByProcessInstanceStartTime().desc()
                .listPage(page * size, size).stream().map(views::caseView).toList();
    }

    CaseView caseOf(Member member, String caseId) {
        return views.caseView(visibility.followedCase(member, caseId));
    }
}
