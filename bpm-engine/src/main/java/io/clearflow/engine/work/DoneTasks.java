package io.clearflow.engine.work;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 已办: the steps a member finished, newest first, with the case they belong to and what they decided.
 * A decision is read from the comment the step was completed with (同意, 驳回, 打回); a step finished
 * without one counts as 办结.
 */
@Service
public class DoneTasks {

    /** What a member did on a step. */
    public static final String COMPLETED = "completed";
    private static final Set<String> DECISIONS = Set.of(CaseOpinions.APPROVE, CaseOpinions.REJECT, "send-back");

    /** One finished step: the step's and case's names, when it ended, what the member decided. */
    public record DoneTask(String taskId, String name, String caseId, String businessKey, String processKey,
                           String processName, Instant ended, String decision) { }

    /** One page of them and how many there are in all. */
    public record Page(List<DoneTask> content, int page, int size, long total) {
        public int pages() {
            return (int) ((total + size - 1) / size);
        }
    }

    private final HistoryService history;
    private final TaskService tasks;
    private final ProcessDefinitions definitions;

    DoneTasks(HistoryService history, TaskService tasks, ProcessDefinitions definitions) {
        this.history = history;
        this.tasks = tasks;
        this.definitions = definitions;
    }

    @Transactional(readOnly = true)
    public Page of(Member member, int page, int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new InvalidRequestException("error.page.invalid", Map.of("size", "error.page.invalid"));
        }
        var query = history.createHistoricTaskInstanceQuery().taskAssignee(member.userId()).finished();
        long total = query.count();
        List<HistoricTaskInstance> done = history.createHistoricTaskInstanceQuery().taskAssignee(member.userId())
                .finished().orderByHistoricTaskInstanceEndTime().desc().listPage(page * size, size);
        // the business keys of the whole page in one query
        Set<String> caseIds = done.stream().map(HistoricTaskInstance::getProcessInstanceId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, String> keys = new HashMap<>();
        if (!caseIds.isEmpty()) {
            history.createHistoricProcessInstanceQuery().processInstanceIds(caseIds).list()
                    .forEach(p -> keys.put(p.getId(), p.getBusinessKey()));
        }
        // decisions are comments on the case with the step's id (the task's own comment list holds only plain ones)
        Map<String, String> decisions = new HashMap<>();
        caseIds.forEach(caseId -> tasks.getProcessInstanceComments(caseId).stream()
                .filter(c -> c.getTaskId() != null && member.userId().equals(c.getUserId()) && DECISIONS.contains(c.getType()))
                .sorted(java.util.Comparator.comparing(org.flowable.engine.task.Comment::getTime))
                .forEach(c -> decisions.put(c.getTaskId(), c.getType())));
        List<DoneTask> content = done.stream().map(t -> new DoneTask(t.getId(), t.getName(), t.getProcessInstanceId(),
                keys.get(t.getProcessInstanceId()),
                t.getProcessDefinitionId() == null ? null : definitions.get(t.getProcessDefinitionId()).getKey(),
                t.getProcessDefinitionId() == null ? null : definitions.name(t.getProcessDefinitionId()),
                t.getEndTime() == null ? null : t.getEndTime().toInstant(), decisions.getOrDefault(t.getId(), COMPLETED)))
                .toList();
        return new Page(content, page, size, total);
    }
}
