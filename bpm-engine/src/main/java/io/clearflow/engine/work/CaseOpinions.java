package io.clearflow.engine.work;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.identity.OrgDirectory;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reviewers said on a case: every decision (同意, 驳回) with its comment, every send-back (打回)
 * and reassignment with its reason, and the comments in between, by step and by person. Everyone who
 * may follow the case reads them on the case page, so an initiator learns why they were rejected.
 */
@Service
public class CaseOpinions {

    /** Decision types a module records before it completes a review step. */
    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";

    private static final Set<String> KNOWN = Set.of("comment", APPROVE, REJECT, "send-back", "reassign");

    /** One opinion: the step it was given on, who gave it (id and name), when, its kind, its text. */
    public record Opinion(String step, String userId, String userName, Instant time, String type, String message) { }

    private final TaskService tasks;
    private final HistoryService history;
    private final WorkService work;
    private final OrgDirectory directory;

    CaseOpinions(TaskService tasks, HistoryService history, WorkService work, OrgDirectory directory) {
        this.tasks = tasks;
        this.history = history;
        this.work = work;
        this.directory = directory;
    }

    /**
     * Records a reviewer's decision on the step they are about to complete, in the same transaction as
     * the completion. A rejection needs a reason (the initiator reads it); an approval's comment is optional.
     */
    @Transactional
    public void decision(Member reviewer, String taskId, boolean approved, String comment) {
        String text = comment == null ? "" : comment.strip();
        if (!approved && text.isEmpty()) {
            throw new InvalidRequestException("task.decision.reasonRequired", Map.of("comment", "task.decision.reasonRequired"));
        }
        if (text.length() > WorkService.MAX_COMMENT) {
            throw new InvalidRequestException("task.comment.tooLong", Map.of("comment", "task.comment.tooLong"));
        }
        TaskView task = work.task(reviewer, taskId);
        ActingAs.member(reviewer, () -> tasks.addComment(taskId, task.caseId(), approved ? APPROVE : REJECT, text));
    }

    /** The opinions on a case the member may follow, oldest first. */
    @Transactional(readOnly = true)
    public List<Opinion> of(Member member, String caseId) {
        work.caseOf(member, caseId);
        Map<String, String> stepOfTask = new HashMap<>();
        history.createHistoricTaskInstanceQuery().processInstanceId(caseId).list()
                .forEach(t -> stepOfTask.put(t.getId(), t.getName()));
        Map<String, String> names = new HashMap<>();
        return tasks.getProcessInstanceComments(caseId).stream()
                .sorted(Comparator.comparing(org.flowable.engine.task.Comment::getTime))
                .map(c -> new Opinion(c.getTaskId() == null ? null : stepOfTask.get(c.getTaskId()), c.getUserId(),
                        names.computeIfAbsent(String.valueOf(c.getUserId()), id -> directory.member(id)
                                .map(Member::displayName).orElse(id)),
                        c.getTime().toInstant(), KNOWN.contains(c.getType()) ? c.getType() : "comment", c.getFullMessage()))
                .toList();
    }
}
