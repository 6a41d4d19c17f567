package io.clearflow.engine.work;

import io.clearflow.engine.api.Member;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runtime work of a member: the inbox, claiming and completing tasks, handing them over, sending
 * back and withdrawing, comments and attachments, starting processes and following the cases they
 * started. This is the entry point and the transaction boundary; each operation group lives in its
 * own class, as Flowable's services delegate to commands. Every check is made against the member's
 * own department and roles ({@link TaskVisibility}); the engine is never called with ids the member
 * may not see.
 */
@Service
public class WorkService {

    static final int MAX_COMMENT = WorkInput.MAX_COMMENT;

    private final InboxQueries queries;
    private final TaskCompletion completion;
    private final TaskHandOver handOver;
    private final SendBackAndWithdraw sendBack;
    private final CommentsAndAttachments notes;
    private final CaseStart starts;

    WorkService(InboxQueries queries, TaskCompletion completion, TaskHandOver handOver, SendBackAndWithdraw sendBack,
                CommentsAndAttachments notes, CaseStart starts) {
        this.queries = queries;
        this.completion = completion;
        this.handOver = handOver;
        this.sendBack = sendBack;
        this.notes = notes;
        this.starts = starts;
    }

    /** Tasks assigned to the member or waiting in their department's or roles' inbox, newest first. */
    @Transactional(readOnly = true)
    public List<TaskView> inbox(Member member, int page, int size) {
        return queries.inbox(member, page, size);
    }

    @Transactional(readOnly = true)
    public long inboxSize(Member member) {
        return queries.inboxSize(member);
    }

    @Transactional(readOnly = true)
    public TaskView task(Member member, String taskId) {
        return queries.task(member, taskId);
    }

    @Transactional
    public TaskView claim(Member member, String taskId) {
        return completion.claim(member, taskId);
    }

    @Transactional
    public TaskView unclaim(Member member, String taskId) {
        return completion.unclaim(member, taskId);
    }

    /**
     * Completes a task the member has claimed, or claims and completes in one step a task waiting in
     * their inbox. Two members completing the same task at once: one wins, the other gets a conflict.
     */
    @Transactional
    public void complete(Member member, String taskId, Map<String, Object> variables, String comment) {
        completion.complete(member, taskId, variables, comment);
    }

    /** The step of a task the member may see: where it is in which process definition, and its form key. */
    @Transactional(readOnly = true)
    public TaskStep step(Member member, String taskId) {
        return queries.step(member, taskId);
    }

    /**
     * Delegates (委派) a task the member holds to a colleague who may see it: the colleague works on it
     * and resolves it, and it comes back to the member to complete.
     */
    @Transactional
    public TaskView delegate(Member member, String taskId, String toUserId, String comment) {
        return handOver.delegate(member, taskId, toUserId, comment);
    }

    /** Transfers (转办) a task the member holds to a colleague, for good. */
    @Transactional
    public TaskView transfer(Member member, String taskId, String toUserId, String comment) {
        return handOver.transfer(member, taskId, toUserId, comment);
    }

    /** A comment on a task, by somebody who may see it. */
    public record Comment(String id, String userId, Instant time, String message) { }

    @Transactional
    public Comment comment(Member member, String taskId, String message) {
        return notes.comment(member, taskId, message);
    }

    /** Comments on every step of the task's case, oldest first, so a reviewer reads the whole discussion. */
    @Transactional(readOnly = true)
    public List<Comment> comments(Member member, String taskId) {
        return notes.comments(member, taskId);
    }

    /** A file attached to a step of a case. */
    public record Attachment(String id, String name, String contentType, String userId, Instant time, String taskId) { }

    /** Attaches a checked file to a task the member may see; stored by the engine with the case. */
    @Transactional
    public Attachment attach(Member member, String taskId, String fileName, byte[] content) {
        return notes.attach(member, taskId, fileName, content);
    }

    @Transactional(readOnly = true)
    public List<Attachment> attachments(Member member, String caseId) {
        return notes.attachments(member, caseId);
    }

    /** An attachment's content, for a member who may follow its case. */
    public record AttachmentContent(Attachment attachment, byte[] content) { }

    @Transactional(readOnly = true)
    public AttachmentContent attachmentContent(Member member, String attachmentId) {
        return notes.attachmentContent(member, attachmentId);
    }

    /** A step a task can be sent back to: a user task that already ran in the same case. */
    public record Step(String activityId, String name) { }

    /** Steps of the task's case that already ran, the task's own step excluded, in the order they first ran. */
    @Transactional(readOnly = true)
    public List<Step> sendBackTargets(Member member, String taskId) {
        return sendBack.sendBackTargets(member, taskId);
    }

    /**
     * Sends a task back (打回) to a step that already ran in its case, with a reason. The task's
     * holder or a candidate may do it; the step comes back into the inbox it came from.
     */
    @Transactional
    public void sendBack(Member member, String taskId, String targetActivityId, String reason) {
        sendBack.sendBack(member, taskId, targetActivityId, reason);
    }

    /** What withdrawing a case would do for this member now, or empty when they cannot. */
    public enum Withdrawal { TAKE_BACK_STEP, CANCEL_CASE }

    @Transactional(readOnly = true)
    public Optional<Withdrawal> withdrawal(Member member, String caseId) {
        return sendBack.withdrawal(member, caseId);
    }

    /**
     * Withdraws (回收) while the next step is still unclaimed: the person who completed the last step
     * takes it back into their own hands; the initiator, before anyone has acted, withdraws the whole
     * case. Once the next step is claimed it is too late.
     */
    @Transactional
    public void withdraw(Member member, String caseId, String reason) {
        sendBack.withdraw(member, caseId, reason);
    }

    /** Process definitions (latest versions) the member may start. */
    @Transactional(readOnly = true)
    public List<ProcessDefinition> startable(Member member) {
        return starts.startable(member);
    }

    /** The latest definition of a process the member may start; 404 when there is none, 403 when not allowed. */
    @Transactional(readOnly = true)
    public ProcessDefinition startableDefinition(Member member, String processKey) {
        return starts.startableDefinition(member, processKey);
    }

    @Transactional
    public CaseView start(Member member, String processKey, String businessKey, Map<String, Object> variables) {
        return start(member, processKey, businessKey, variables, null);
    }

    /**
     * A new case id, for a module that stores its business row together with the case id and then
     * starts the case under it ({@link #start(Member, String, String, Map, String)}): one insert
     * instead of an insert and an update.
     */
    public String newCaseId() {
        return starts.newCaseId();
    }

    /** Starts a case under an id from {@link #newCaseId()}; {@code caseId == null} lets the engine choose. */
    @Transactional
    public CaseView start(Member member, String processKey, String businessKey, Map<String, Object> variables,
                          String caseId) {
        return starts.start(member, processKey, businessKey, variables, caseId);
    }

    /** Cases the member started, newest first. */
    @Transactional(readOnly = true)
    public List<CaseView> startedBy(Member member, int page, int size) {
        return queries.startedBy(member, page, size);
    }

    /** A case the member started or has a part in (privileged roles see every case). */
    @Transactional(readOnly = true)
    public CaseView caseOf(Member member, String caseId) {
        return queries.caseOf(member, caseId);
    }
}
