package io.clearflow.engine.work;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.eventlog.TaskActionLog;
import io.clearflow.engine.identity.OrgDirectory;
import org.flowable.task.api.DelegationState;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.flowable.common.engine.impl.cfg.IdGenerator;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runtime work of a member: the inbox, claiming and completing tasks, starting processes and
 * following the cases they started. Every check is made against the member's own department and
 * roles; the engine itself is never called with ids the member may not see.
 */
@Service
public class WorkService {

    static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    static final int MAX_VARIABLES = 50;
    static final int MAX_STRING_VARIABLE = 255;
    static final int MAX_COMMENT = 2000;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final ProcessDefinitions definitions;
    private final TaskActionLog actions;
    private final OrgDirectory directory;
    private final AttachmentPolicy attachmentPolicy;
    private final IdGenerator ids;

    public WorkService(TaskService tasks, RuntimeService runtime, HistoryService history, RepositoryService repository,
                       ProcessDefinitions definitions, TaskActionLog actions, OrgDirectory directory,
                       AttachmentPolicy attachmentPolicy, ProcessEngineConfiguration engine) {
        // the engine's own generator, so a case id chosen here looks like every other case id
        this.ids = ((ProcessEngineConfigurationImpl) engine).getIdGenerator();
        this.directory = directory;
        this.attachmentPolicy = attachmentPolicy;
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
        this.definitions = definitions;
        this.actions = actions;
    }

    /** Tasks assigned to the member or waiting in their department's or roles' inbox, newest first. */
    @Transactional(readOnly = true)
    public List<TaskView> inbox(Member member, int page, int size) {
        checkPage(page, size);
        List<Task> tasksOnPage = inboxQuery(member)
                .orderByTaskCreateTime().desc()
                .listPage(page * size, size);
        // one query for the business keys of the whole page, not one per task
        var caseIds = tasksOnPage.stream().map(Task::getProcessInstanceId).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
        Map<String, String> businessKeys = new HashMap<>();
        if (!caseIds.isEmpty()) {
            runtime.createProcessInstanceQuery().processInstanceIds(caseIds).list()
                    .forEach(p -> businessKeys.put(p.getId(), p.getBusinessKey()));
        }
        return tasksOnPage.stream().map(t -> view(t, businessKeys.get(t.getProcessInstanceId()))).toList();
    }

    @Transactional(readOnly = true)
    public long inboxSize(Member member) {
        return inboxQuery(member).count();
    }

    /**
     * Tasks assigned to the member, or unassigned and offered to them or to one of their groups. The
     * groups are the member's own (cached, kept current by {@link OrgDirectory}): left out, Flowable
     * would ask IDM for them on every inbox query. The SQL is the same either way.
     */
    private org.flowable.task.api.TaskQuery inboxQuery(Member member) {
        var query = tasks.createTaskQuery().taskCandidateOrAssigned(member.userId());
        List<String> groups = member.candidateGroups();
        return groups.isEmpty() ? query : query.taskCandidateGroupIn(groups);
    }

    @Transactional(readOnly = true)
    public TaskView task(Member member, String taskId) {
        return view(visibleTask(member, taskId));
    }

    @Transactional
    public TaskView claim(Member member, String taskId) {
        Task task = visibleTask(member, taskId);
        if (task.getAssignee() != null) {
            throw new ConflictException(task.getAssignee().equals(member.userId())
                    ? "you have already claimed this task" : "this task has already been claimed by someone else");
        }
        ActingAs.member(member, () -> tasks.claim(taskId, member.userId()));
        return withAssignee(view(task), member.userId());
    }

    @Transactional
    public TaskView unclaim(Member member, String taskId) {
        Task task = visibleTask(member, taskId);
        if (!member.userId().equals(task.getAssignee())) {
            throw new ConflictException("only the person who claimed a task can give it back");
        }
        ActingAs.member(member, () -> tasks.unclaim(taskId));
        return view(tasks.createTaskQuery().taskId(taskId).singleResult());
    }

    /**
     * Completes a task the member has claimed, or claims and completes in one step a task waiting in
     * their inbox. Two members completing the same task at once: one wins, the other gets a conflict.
     */
    @Transactional
    public void complete(Member member, String taskId, Map<String, Object> variables, String comment) {
        Map<String, Object> checked = checkVariables(variables);
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidRequestException("task.comment.tooLong", Map.of("comment", "task.comment.tooLong"));
        }
        Task task = visibleTask(member, taskId);
        if (task.getAssignee() != null && !task.getAssignee().equals(member.userId())) {
            throw new AccessDeniedException("this task is claimed by someone else");
        }
        try {
            ActingAs.member(member, () -> {
                if (task.getAssignee() == null) {
                    tasks.claim(taskId, member.userId());
                }
                if (comment != null && !comment.isBlank()) {
                    tasks.addComment(taskId, task.getProcessInstanceId(), comment.strip());
                }
                if (task.getDelegationState() == DelegationState.PENDING) {
                    // a delegate's work goes back to the owner, who completes the step
                    tasks.resolveTask(taskId, checked);
                } else {
                    tasks.complete(taskId, checked);
                }
            });
        } catch (FlowableOptimisticLockingException | FlowableTaskAlreadyClaimedException
                 | FlowableObjectNotFoundException e) {
            // lost a race: the other completion committed between our read and our write
            throw new ConflictException("somebody else completed or took this task at the same moment; reload it");
        }
    }

    /** The step of a task the member may see: where it is in which process definition, and its form key. */
    @Transactional(readOnly = true)
    public TaskStep step(Member member, String taskId) {
        Task task = visibleTask(member, taskId);
        return new TaskStep(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getFormKey());
    }

    /**
     * Delegates (委派) a task the member holds to a colleague who may see it: the colleague works on it
     * and resolves it, and it comes back to the member to complete.
     */
    @Transactional
    public TaskView delegate(Member member, String taskId, String toUserId, String comment) {
        return handOver(member, taskId, toUserId, comment, PlatformEvent.Lifecycle.DELEGATE, tasks::delegateTask);
    }

    /** Transfers (转办) a task the member holds to a colleague, for good. */
    @Transactional
    public TaskView transfer(Member member, String taskId, String toUserId, String comment) {
        return handOver(member, taskId, toUserId, comment, PlatformEvent.Lifecycle.REASSIGN, tasks::setAssignee);
    }

    private TaskView handOver(Member member, String taskId, String toUserId, String comment, String lifecycle,
                              java.util.function.BiConsumer<String, String> engineCall) {
        Task task = heldTask(member, taskId);
        Member to = eligibleColleague(task, member, toUserId);
        actions.record(task, lifecycle, member, Map.of("to", to.userId()));
        ActingAs.member(member, () -> {
            addCommentIfAny(task, comment);
            engineCall.accept(taskId, to.userId());
        });
        return view(tasks.createTaskQuery().taskId(taskId).singleResult());
    }

    /** A comment on a task, by somebody who may see it. */
    public record Comment(String id, String userId, Instant time, String message) { }

    @Transactional
    public Comment comment(Member member, String taskId, String message) {
        if (message == null || message.isBlank() || message.length() > MAX_COMMENT) {
            String key = message == null || message.isBlank() ? "task.comment.empty" : "task.comment.tooLong";
            throw new InvalidRequestException(key, Map.of("message", key));
        }
        Task task = visibleTask(member, taskId);
        var saved = ActingAs.member(member, () -> tasks.addComment(taskId, task.getProcessInstanceId(), message.strip()));
        return new Comment(saved.getId(), saved.getUserId(), instant(saved.getTime()), saved.getFullMessage());
    }

    /** Comments on every step of the task's case, oldest first, so a reviewer reads the whole discussion. */
    @Transactional(readOnly = true)
    public List<Comment> comments(Member member, String taskId) {
        Task task = visibleTask(member, taskId);
        return tasks.getProcessInstanceComments(task.getProcessInstanceId()).stream()
                .sorted(java.util.Comparator.comparing(org.flowable.engine.task.Comment::getTime))
                .map(c -> new Comment(c.getId(), c.getUserId(), instant(c.getTime()), c.getFullMessage()))
                .toList();
    }

    /** A file attached to a step of a case. */
    public record Attachment(String id, String name, String contentType, String userId, Instant time, String taskId) { }

    /** Attaches a checked file to a task the member may see; stored by the engine with the case. */
    @Transactional
    public Attachment attach(Member member, String taskId, String fileName, byte[] content) {
        Task task = visibleTask(member, taskId);
        AttachmentPolicy.Kind kind = attachmentPolicy.check(fileName, content);
        var saved = ActingAs.member(member, () -> tasks.createAttachment(kind.contentType(), taskId,
                task.getProcessInstanceId(), fileName.strip(), null, new java.io.ByteArrayInputStream(content)));
        return attachmentView(saved);
    }

    @Transactional(readOnly = true)
    public List<Attachment> attachments(Member member, String caseId) {
        caseOf(member, caseId);
        return tasks.getProcessInstanceAttachments(caseId).stream().map(WorkService::attachmentView).toList();
    }

    /** An attachment's content, for a member who may follow its case. */
    public record AttachmentContent(Attachment attachment, byte[] content) { }

    @Transactional(readOnly = true)
    public AttachmentContent attachmentContent(Member member, String attachmentId) {
        var attachment = tasks.getAttachment(attachmentId);
        if (attachment == null || attachment.getProcessInstanceId() == null) {
            throw new NotFoundException("attachment", attachmentId);
        }
        caseOf(member, attachment.getProcessInstanceId());
        try (var in = tasks.getAttachmentContent(attachmentId)) {
            return new AttachmentContent(attachmentView(attachment), in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("attachment " + attachmentId + " unreadable", e);
        }
    }

    private static Attachment attachmentView(org.flowable.engine.task.Attachment a) {
        return new Attachment(a.getId(), a.getName(), a.getType(), a.getUserId(), instant(a.getTime()), a.getTaskId());
    }

    private Task heldTask(Member member, String taskId) {
        Task task = visibleTask(member, taskId);
        if (!member.userId().equals(task.getAssignee())) {
            throw new ConflictException("claim the task before you hand it on");
        }
        return task;
    }

    /** Someone who may see the task anyway: a candidate of it, or in the holder's department. */
    private Member eligibleColleague(Task task, Member holder, String toUserId) {
        Member to = directory.member(toUserId).orElseThrow(() -> new InvalidRequestException("task.handOver.unknown",
                Map.of("userId", "task.handOver.unknown")));
        if (to.userId().equals(holder.userId())) {
            throw new InvalidRequestException("task.handOver.self", Map.of("userId", "task.handOver.self"));
        }
        boolean candidate = tasks.createTaskQuery().taskId(task.getId()).taskCandidateOrAssigned(to.userId())
                .ignoreAssigneeValue().count() > 0;
        if (!candidate && !java.util.Objects.equals(to.department(), holder.department())) {
            throw new InvalidRequestException("task.handOver.notEligible", Map.of("userId", "task.handOver.notEligible"));
        }
        return to;
    }

    private void addCommentIfAny(Task task, String comment) {
        if (comment != null && !comment.isBlank()) {
            if (comment.length() > MAX_COMMENT) {
                throw new InvalidRequestException("task.comment.tooLong", Map.of("comment", "task.comment.tooLong"));
            }
            tasks.addComment(task.getId(), task.getProcessInstanceId(), comment.strip());
        }
    }

    /** A step a task can be sent back to: a user task that already ran in the same case. */
    public record Step(String activityId, String name) { }

    /** Steps of the task's case that already ran, the task's own step excluded, in the order they first ran. */
    @Transactional(readOnly = true)
    public List<Step> sendBackTargets(Member member, String taskId) {
        Task task = visibleTask(member, taskId);
        Map<String, Step> steps = new java.util.LinkedHashMap<>();
        history.createHistoricActivityInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .activityType("userTask").finished().orderByHistoricActivityInstanceStartTime().asc().list()
                .forEach(a -> {
                    if (!a.getActivityId().equals(task.getTaskDefinitionKey())) {
                        steps.putIfAbsent(a.getActivityId(), new Step(a.getActivityId(), a.getActivityName()));
                    }
                });
        return List.copyOf(steps.values());
    }

    /**
     * Sends a task back (打回) to a step that already ran in its case, with a reason. The task's
     * holder or a candidate may do it; the step comes back into the inbox it came from.
     */
    @Transactional
    public void sendBack(Member member, String taskId, String targetActivityId, String reason) {
        requireReason(reason);
        Task task = visibleTask(member, taskId);
        if (task.getAssignee() != null && !task.getAssignee().equals(member.userId())) {
            throw new AccessDeniedException("this task is claimed by someone else");
        }
        boolean ran = sendBackTargets(member, taskId).stream().anyMatch(s -> s.activityId().equals(targetActivityId));
        if (!ran) {
            throw new InvalidRequestException("a task can only be sent back to a step that already ran in this case",
                    Map.of("targetActivityId", "not a step this case has been through: " + targetActivityId));
        }
        actions.record(task, PlatformEvent.Lifecycle.SEND_BACK, member,
                Map.of("reason", reason.strip(), "target", targetActivityId));
        ActingAs.member(member, () -> {
            tasks.addComment(taskId, task.getProcessInstanceId(), "send-back", reason.strip());
            runtime.createChangeActivityStateBuilder().processInstanceId(task.getProcessInstanceId())
                    .moveActivityIdTo(task.getTaskDefinitionKey(), targetActivityId).changeState();
        });
    }

    /** What withdrawing a case would do for this member now, or empty when they cannot. */
    public enum Withdrawal { TAKE_BACK_STEP, CANCEL_CASE }

    @Transactional(readOnly = true)
    public java.util.Optional<Withdrawal> withdrawal(Member member, String caseId) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(caseId).list();
        if (open.isEmpty() || open.stream().anyMatch(t -> t.getAssignee() != null)) {
            return java.util.Optional.empty();
        }
        var lastDone = history.createHistoricTaskInstanceQuery().processInstanceId(caseId).finished()
                .orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1);
        if (!lastDone.isEmpty()) {
            return member.userId().equals(lastDone.get(0).getAssignee())
                    ? java.util.Optional.of(Withdrawal.TAKE_BACK_STEP) : java.util.Optional.empty();
        }
        var instance = history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult();
        return instance != null && member.userId().equals(instance.getStartUserId())
                ? java.util.Optional.of(Withdrawal.CANCEL_CASE) : java.util.Optional.empty();
    }

    /**
     * Withdraws (回收) while the next step is still unclaimed: the person who completed the last step
     * takes it back into their own hands; the initiator, before anyone has acted, withdraws the whole
     * case. Once the next step is claimed it is too late.
     */
    @Transactional
    public void withdraw(Member member, String caseId, String reason) {
        requireReason(reason);
        caseOf(member, caseId);
        List<Task> open = tasks.createTaskQuery().processInstanceId(caseId).list();
        if (open.stream().anyMatch(t -> t.getAssignee() != null)) {
            throw new ConflictException("the next step has already been taken up; ask its handler to send it back");
        }
        Withdrawal withdrawal = withdrawal(member, caseId).orElseThrow(() -> new AccessDeniedException(
                "only the person who completed the last step, or the initiator before anyone acted, can withdraw"));
        for (Task task : open) {
            actions.record(task, PlatformEvent.Lifecycle.WITHDRAW, member, Map.of("reason", reason.strip()));
        }
        ActingAs.member(member, () -> {
            if (withdrawal == Withdrawal.CANCEL_CASE) {
                runtime.deleteProcessInstance(caseId, "withdrawn: " + reason.strip());
                return;
            }
            var lastDone = history.createHistoricTaskInstanceQuery().processInstanceId(caseId).finished()
                    .orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1).get(0);
            runtime.createChangeActivityStateBuilder().processInstanceId(caseId)
                    .moveActivityIdsToSingleActivityId(open.stream().map(Task::getTaskDefinitionKey).distinct().toList(),
                            lastDone.getTaskDefinitionKey())
                    .changeState();
            Task back = tasks.createTaskQuery().processInstanceId(caseId)
                    .taskDefinitionKey(lastDone.getTaskDefinitionKey()).singleResult();
            tasks.claim(back.getId(), member.userId());
        });
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_COMMENT) {
            String key = reason == null || reason.isBlank() ? "task.reason.required" : "task.reason.tooLong";
            throw new InvalidRequestException(key, Map.of("reason", key));
        }
    }

    /** Process definitions (latest versions) the member may start. */
    @Transactional(readOnly = true)
    public List<ProcessDefinition> startable(Member member) {
        return repository.createProcessDefinitionQuery().latestVersion().active()
                .startableByUserOrGroups(member.userId(), member.candidateGroups())
                .orderByProcessDefinitionName().asc().list();
    }

    /** The latest definition of a process the member may start; 404 when there is none, 403 when not allowed. */
    @Transactional(readOnly = true)
    public ProcessDefinition startableDefinition(Member member, String processKey) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().active().startableByUserOrGroups(member.userId(), member.candidateGroups()).singleResult();
        if (definition == null) {
            if (repository.createProcessDefinitionQuery().processDefinitionKey(processKey).count() == 0) {
                throw new NotFoundException("process", processKey);
            }
            throw new AccessDeniedException("your department and roles may not start this process");
        }
        return definition;
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
        return ids.getNextId();
    }

    /** Starts a case under an id from {@link #newCaseId()}; {@code caseId == null} lets the engine choose. */
    @Transactional
    public CaseView start(Member member, String processKey, String businessKey, Map<String, Object> variables,
                          String caseId) {
        Map<String, Object> checked = new HashMap<>(checkVariables(variables));
        // the check finds the definition too: starting by its id spares the engine looking it up again
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().startableByUserOrGroups(member.userId(), member.candidateGroups()).singleResult();
        if (definition == null) {
            if (repository.createProcessDefinitionQuery().processDefinitionKey(processKey).count() == 0) {
                throw new NotFoundException("process", processKey);
            }
            throw new AccessDeniedException("your department and roles may not start this process");
        }
        checked.put("department", member.department());
        ProcessInstance instance = ActingAs.member(member, () -> {
            var builder = runtime.createProcessInstanceBuilder().processDefinitionId(definition.getId())
                    .businessKey(businessKey).variables(checked);
            return (caseId == null ? builder : builder.predefineProcessInstanceId(caseId)).start();
        });
        boolean ended = instance.isEnded();
        return new CaseView(instance.getId(), instance.getProcessDefinitionKey(),
                definitions.name(instance.getProcessDefinitionId()), instance.getBusinessKey(), member.userId(),
                instant(instance.getStartTime()), null, ended ? "completed" : "active", null);
    }

    /** Cases the member started, newest first. */
    @Transactional(readOnly = true)
    public List<CaseView> startedBy(Member member, int page, int size) {
        checkPage(page, size);
        return history.createHistoricProcessInstanceQuery().startedBy(member.userId())
                .orderByProcessInstanceStartTime().desc()
                .listPage(page * size, size).stream().map(this::caseView).toList();
    }

    /** A case the member started or has a part in (privileged roles see every case). */
    @Transactional(readOnly = true)
    public CaseView caseOf(Member member, String caseId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult();
        if (instance == null || !mayFollow(member, instance)) {
            throw new NotFoundException("case", caseId);
        }
        return caseView(instance);
    }

    boolean mayFollow(Member member, HistoricProcessInstance instance) {
        if (member.userId().equals(instance.getStartUserId())
                || member.hasRole(PlatformRole.ADMIN) || member.hasRole(PlatformRole.PROCESS_OWNER)
                || member.hasRole(PlatformRole.IT_MANAGER) || member.hasRole(PlatformRole.COMPLIANCE)) {
            return true;
        }
        return history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskInvolvedUser(member.userId()).count() > 0
                || history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskCandidateGroupIn(member.candidateGroups()).count() > 0;
    }

    /**
     * The task if the member may see it: they hold it, own it (delegated), or are one of its
     * candidates; candidates still see a task someone else claimed, so they get "already claimed" (403), not
     * "unknown". Anyone else gets 404, like a case that is not theirs. Checked against the member's cached groups.
     */
    private Task visibleTask(Member member, String taskId) {
        // the task and its candidates in one query, not two
        Task task = tasks.createTaskQuery().taskId(taskId).includeIdentityLinks().singleResult();
        if (task == null) {
            if (completedAndOffered(member, taskId)) {
                throw new ConflictException("this task has already been completed");
            }
            throw new NotFoundException("open task", taskId);
        }
        if (member.userId().equals(task.getAssignee()) || member.userId().equals(task.getOwner())) {
            return task;
        }
        var groups = member.candidateGroups();
        boolean candidate = identityLinks(task).stream()
                .filter(link -> org.flowable.identitylink.api.IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> member.userId().equals(link.getUserId())
                        || (link.getGroupId() != null && groups.contains(link.getGroupId())));
        if (!candidate) {
            // as for a case that is not theirs: "not found", so an outsider cannot tell which task ids exist
            throw new NotFoundException("open task", taskId);
        }
        return task;
    }

    /** The links a task was read with ({@code includeIdentityLinks}); asked for separately only if it was not. */
    private List<? extends org.flowable.identitylink.api.IdentityLinkInfo> identityLinks(Task task) {
        if (task instanceof org.flowable.task.service.impl.persistence.entity.TaskEntityImpl entity) {
            return entity.getQueryIdentityLinks();
        }
        try {
            return tasks.getIdentityLinksForTask(task.getId());
        } catch (FlowableObjectNotFoundException e) {
            // completed by someone else between our two reads
            throw new ConflictException("this task has just been completed by someone else");
        }
    }

    /** A finished task the member could have taken: a late second completion is a conflict, not "unknown". */
    private boolean completedAndOffered(Member member, String taskId) {
        var done = history.createHistoricTaskInstanceQuery().taskId(taskId).finished();
        return done.count() > 0 && (history.createHistoricTaskInstanceQuery().taskId(taskId)
                .taskInvolvedUser(member.userId()).count() > 0
                || history.createHistoricTaskInstanceQuery().taskId(taskId)
                .taskCandidateGroupIn(member.candidateGroups()).ignoreAssigneeValue().count() > 0);
    }

    private TaskView view(Task task) {
        String businessKey = task.getProcessInstanceId() == null ? null
                : runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                .getBusinessKey();
        return view(task, businessKey);
    }

    private TaskView view(Task task, String businessKey) {
        return new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
                task.getProcessDefinitionId() == null ? null : definitions.get(task.getProcessDefinitionId()).getKey(),
                task.getProcessDefinitionId() == null ? null : definitions.name(task.getProcessDefinitionId()),
                businessKey, task.getAssignee(), task.getOwner(), task.getDelegationState() == DelegationState.PENDING,
                instant(task.getCreateTime()), instant(task.getDueDate()));
    }

    private static TaskView withAssignee(TaskView v, String assignee) {
        return new TaskView(v.id(), v.name(), v.activityId(), v.caseId(), v.processKey(), v.processName(),
                v.businessKey(), assignee, v.owner(), v.delegated(), v.created(), v.due());
    }

    private CaseView caseView(HistoricProcessInstance p) {
        String state = p.getEndTime() == null ? "active" : p.getDeleteReason() != null ? "cancelled" : "completed";
        return new CaseView(p.getId(), p.getProcessDefinitionKey(), definitions.name(p.getProcessDefinitionId()),
                p.getBusinessKey(), p.getStartUserId(), instant(p.getStartTime()), instant(p.getEndTime()), state,
                p.getEndActivityId());
    }

    static Map<String, Object> checkVariables(Map<String, Object> variables) {
        if (variables == null) {
            return Map.of();
        }
        if (variables.size() > MAX_VARIABLES) {
            throw new InvalidRequestException("at most " + MAX_VARIABLES + " variables");
        }
        Map<String, Object> checked = new HashMap<>();
        variables.forEach((name, value) -> {
            if (name == null || !VARIABLE_NAME.matcher(name).matches()) {
                throw new InvalidRequestException("invalid variable name", Map.of(String.valueOf(name), "letters, digits and '_'"));
            }
            // process variables carry ids and routing facts only; business data lives in module tables
            boolean ok = value == null || value instanceof Boolean || value instanceof Number
                    || (value instanceof String s && s.length() <= MAX_STRING_VARIABLE);
            if (!ok) {
                throw new InvalidRequestException("variables are booleans, numbers or short strings",
                        Map.of(name, "boolean, number or string of at most " + MAX_STRING_VARIABLE + " characters"));
            }
            checked.put(name, value);
        });
        return checked;
    }

    private static void checkPage(int page, int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new InvalidRequestException("page must be >= 0 and size between 1 and 200", Map.of("size", "1..200"));
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
