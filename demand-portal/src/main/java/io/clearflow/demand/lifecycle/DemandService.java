package io.clearflow.demand.lifecycle;

import io.clearflow.demand.DemandProperties;
import io.clearflow.demand.api.DemandIntake;
import io.clearflow.demand.api.DemandRef;
import io.clearflow.demand.api.DemandState;
import io.clearflow.demand.api.NewDemand;
import io.clearflow.demand.jira.JiraProperties;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.work.ActingAs;
import io.clearflow.engine.work.AttachmentPolicy;
import io.clearflow.engine.work.CaseView;
import io.clearflow.engine.work.WorkService;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demand lifecycle. Each transition checks the member's role (403) and the demand's state
 * (409), moves the business record, and completes the matching process step through
 * {@link WorkService}, so the step leaves the inbox and the event log records it, all in one
 * transaction.
 */
@Service
public class DemandService implements DemandIntake {

    public static final String PROCESS_KEY = "demandLifecycle";

    /** A file submitted with a demand. */
    public record Upload(String name, byte[] content) { }

    /** A demand with its tasks, history and what the reader may do with it now. */
    public record DemandDetail(Demand demand, List<DemandTask> tasks, List<DemandHistoryEntry> history,
                               Set<DemandAction> actions) { }

    /** Raised after commit when tasks were created that should be mirrored in Jira. */
    public record TasksCreated(long demandId) { }

    /**
     * A demand entered a state ({@code from} is null at submission). Published synchronously inside
     * the transaction of the change, after cf_demand holds the new state: listeners that keep
     * derived tables (the statistics rollup) commit or roll back together with it.
     */
    public record StateChanged(long demandId, DemandState from, DemandState to) { }

    private final DemandRepository demands;
    private final DemandTaskRepository demandTasks;
    private final DemandHistoryRepository history;
    private final WorkService work;
    private final TaskService engineTasks;
    private final AttachmentPolicy attachmentPolicy;
    private final DemandProperties properties;
    private final JiraProperties jira;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Validator validator;

    public DemandService(DemandRepository demands, DemandTaskRepository demandTasks, DemandHistoryRepository history,
                         WorkService work,
                         TaskService engineTasks, AttachmentPolicy attachmentPolicy, DemandProperties properties,
                         JiraProperties jira, ApplicationEventPublisher events, Clock clock, Validator validator) {
        this.validator = validator;
        this.demands = demands;
        this.demandTasks = demandTasks;
        this.history = history;
        this.work = work;
        this.engineTasks = engineTasks;
        this.attachmentPolicy = attachmentPolicy;
        this.properties = properties;
        this.jira = jira;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public DemandRef raise(Member requester, NewDemand demand) {
        Demand saved = submit(requester, demand, List.of());
        return ref(saved);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DemandRef> find(long demandId) {
        return demands.find(demandId).map(DemandService::ref);
    }

    private static DemandRef ref(Demand d) {
        return new DemandRef(d.id(), d.caseId(), d.state(), d.originType(), d.originRef());
    }

    /** Submits a demand with its files; its first step waits in IT demand management's inbox. */
    @Transactional
    public Demand submit(Member requester, NewDemand input, List<Upload> uploads) {
        Instant now = clock.instant();
        NewDemand d = DemandInput.checked(validator, input, now.atOffset(ZoneOffset.UTC).toLocalDate());
        List<Upload> files = uploads == null ? List.of() : uploads.stream().filter(u -> u.content().length > 0).toList();
        if (files.size() > properties.maxAttachments()) {
            throw new InvalidRequestException("demand.error.files", Map.of("files", "demand.error.files"));
        }
        List<AttachmentPolicy.Kind> kinds = files.stream().map(f -> attachmentPolicy.check(f.name(), f.content())).toList();
        if (requester.department() == null) {
            throw new InvalidRequestException("demand.error.noDepartment", Map.of("department", "demand.error.noDepartment"));
        }
        long id = demands.insert(d, requester.userId(), requester.department(), now);
        boolean compliance = d.regulatory() || properties.complianceCategories().contains(d.category());
        CaseView started = work.start(requester, PROCESS_KEY, "DEM-" + id,
                Map.of("demandId", id, "complianceRequired", compliance));
        demands.setCase(id, started.id());
        events.publishEvent(new StateChanged(id, null, DemandState.SUBMITTED));
        history.add(id, null, DemandState.SUBMITTED, requester.userId(), now,
                d.origin() == null ? null : d.origin().type() + ": " + d.origin().reference());
        for (int i = 0; i < files.size(); i++) {
            attach(requester, started.id(), files.get(i), kinds.get(i));
        }
        return demands.find(id).orElseThrow();
    }

    private void attach(Member requester, String caseId, Upload file, AttachmentPolicy.Kind kind) {
        // the requester is no candidate of the first step, so the file goes to the case directly;
        // the case page lists and serves it to everybody who may follow the case
        ActingAs.member(requester, () -> engineTasks.createAttachment(kind.contentType(), null, caseId,
                file.name().strip(), null, new ByteArrayInputStream(file.content())));
    }

    @Transactional(readOnly = true)
    public Demand demand(Member member, long id) {
        Demand d = demands.find(id).orElseThrow(() -> new NotFoundException("demand", String.valueOf(id)));
        DemandAccess.checkView(member, d);
        return d;
    }

    @Transactional(readOnly = true)
    public DemandDetail detail(Member member, long id) {
        Demand d = demand(member, id);
        return new DemandDetail(d, demandTasks.ofDemand(id), history.ofDemand(id), actions(member, d));
    }

    @Transactional(readOnly = true)
    public Optional<Demand> forCase(String caseId) {
        return demands.findByCase(caseId);
    }

    public static Set<DemandAction> actions(Member member, Demand demand) {
        Set<DemandAction> allowed = EnumSet.noneOf(DemandAction.class);
        for (DemandAction a : DemandAction.values()) {
            if (a.allowed(member, demand)) {
                allowed.add(a);
            }
        }
        return allowed;
    }

    /** Accept (受理) a demand for IT, or reject it with a reason. */
    @Transactional
    public Demand triage(Member member, long id, boolean accepted, String reason) {
        Demand d = check(member, id, DemandAction.TRIAGE);
        String note = DemandInput.reason(validator, reason, !accepted);
        Instant now = clock.instant();
        boolean compliance = d.regulatory() || properties.complianceCategories().contains(d.category());
        DemandState to = !accepted ? DemandState.REJECTED
                : compliance ? DemandState.COMPLIANCE_REVIEW : DemandState.EVALUATION;
        DemandChange change = DemandChange.none().triaged(now);
        if (!accepted) {
            change.rejected(note, now);
        }
        return transition(member, d, DemandAction.TRIAGE, to, change, Map.of("accepted", accepted), note, now);
    }

    /** Compliance approves a regulated demand, or rejects it with a reason. */
    @Transactional
    public Demand complianceDecision(Member member, long id, boolean approved, String reason) {
        Demand d = check(member, id, DemandAction.COMPLIANCE);
        String note = DemandInput.reason(validator, reason, !approved);
        Instant now = clock.instant();
        DemandChange change = approved ? DemandChange.none()
                : DemandChange.none().rejected(note, now);
        return transition(member, d, DemandAction.COMPLIANCE, approved ? DemandState.EVALUATION : DemandState.REJECTED,
                change, Map.of("approved", approved), note, now);
    }

    /** Records value, workload estimate, priority and target version. */
    @Transactional
    public Demand evaluate(Member member, long id, DemandInput.Evaluation evaluation) {
        Demand d = check(member, id, DemandAction.EVALUATE);
        DemandInput.Evaluation e = DemandInput.checked(validator, evaluation);
        DemandChange change = DemandChange.none()
                .evaluated(e.valueScore(), e.estimateDays(), e.priority(), e.targetVersion());
        return transition(member, d, DemandAction.EVALUATE, DemandState.SPLITTING, change, Map.of(),
                null, clock.instant()); // the figures are on the demand page in the reader's language
    }

    /**
     * Splits the demand into development tasks. With Jira configured each task is then mirrored by
     * one Jira issue after commit; a Jira outage leaves the tasks in a retrying sync state.
     */
    @Transactional
    public Demand split(Member member, long id, List<DemandInput.NewTask> tasks) {
        Demand d = check(member, id, DemandAction.SPLIT);
        List<DemandInput.NewTask> checked = DemandInput.checked(validator, tasks);
        Instant now = clock.instant();
        DemandTask.SyncState sync = jira.enabled() ? DemandTask.SyncState.PENDING : DemandTask.SyncState.LOCAL;
        Demand moved = transition(member, d, DemandAction.SPLIT, DemandState.TRACKING, DemandChange.none(),
                Map.of(),
                null, now);
        for (DemandInput.NewTask t : checked) {
            demandTasks.insert(id, t.title(), t.estimateDays(), t.dueDate(), sync, now);
        }
        if (jira.enabled()) {
            events.publishEvent(new TasksCreated(id));
        }
        return moved;
    }

    /** Internal tracking (standalone, or a task not linked to Jira): status and actual workload. */
    @Transactional
    public DemandTask updateTask(Member member, long taskId, DemandTask.Status status, BigDecimal actualDays) {
        DemandTask task = demandTasks.find(taskId).orElseThrow(() -> new NotFoundException("task", String.valueOf(taskId)));
        check(member, task.demandId(), DemandAction.UPDATE_TASK);
        if (status == null) {
            throw new InvalidRequestException("demand.error.status", Map.of("status", "demand.error.status"));
        }
        DemandInput.progress(validator, actualDays);
        if (task.jiraKey() != null) {
            throw new ConflictException("demand.error.trackedInJira", task.jiraKey());
        }
        demandTasks.updateStatus(taskId, status, actualDays, null, clock.instant());
        return demandTasks.find(taskId).orElseThrow();
    }

    /** Hands the delivered demand to the requester for business acceptance once every task is done. */
    @Transactional
    public Demand deliver(Member member, long id) {
        Demand d = check(member, id, DemandAction.DELIVER);
        List<DemandTask> split = demandTasks.ofDemand(id);
        long open = split.stream().filter(t -> t.status() != DemandTask.Status.DONE).count();
        if (open > 0) {
            throw new ConflictException("demand.error.tasksOpen", open);
        }
        Instant now = clock.instant();
        BigDecimal actual = split.stream().map(t -> t.actualDays() == null ? BigDecimal.ZERO : t.actualDays())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return transition(member, d, DemandAction.DELIVER, DemandState.ACCEPTANCE,
                DemandChange.none().delivered(now, actual), Map.of(),
                actual + " person-days", now);
    }

    /** The requester accepts the delivery (验收), or rejects it with a reason and it returns to tracking. */
    @Transactional
    public Demand acceptance(Member member, long id, boolean accepted, String reason) {
        Demand d = check(member, id, DemandAction.ACCEPTANCE);
        String note = DemandInput.reason(validator, reason, !accepted);
        Instant now = clock.instant();
        DemandChange change = accepted
                ? DemandChange.none().accepted(now, Duration.between(d.submittedAt(), now).toSeconds(),
                        d.expectedDate() == null ? null : onTime(d.deliveredAt(), d.expectedDate()))
                : DemandChange.none().acceptanceRejected(d.acceptanceRejections() + 1);
        return transition(member, d, DemandAction.ACCEPTANCE, accepted ? DemandState.DONE : DemandState.TRACKING,
                change, Map.of("businessAccepted", accepted), note, now);
    }

    static boolean onTime(Instant delivered, LocalDate expected) {
        return !delivered.atOffset(ZoneOffset.UTC).toLocalDate().isAfter(expected);
    }

    private Demand check(Member member, long id, DemandAction action) {
        Demand d = demand(member, id);
        if (!action.entitled(member, d)) {
            throw new AccessDeniedException("your role may not " + action.name().toLowerCase() + " demands");
        }
        if (d.state() != action.from()) {
            throw new ConflictException("demand.error.notNow", "DEM-" + id);
        }
        return d;
    }

    private Demand transition(Member member, Demand d, DemandAction action, DemandState to,
                              DemandChange change, Map<String, Object> routing, String note, Instant now) {
        if (!demands.move(d.id(), d.state(), to, change)) {
            throw new ConflictException("demand.error.changed", "DEM-" + d.id());
        }
        history.add(d.id(), d.state(), to, member.userId(), now, note);
        events.publishEvent(new StateChanged(d.id(), d.state(), to));
        if (action != DemandAction.UPDATE_TASK) {
            Task step = engineTasks.createTaskQuery().processInstanceId(d.caseId())
                    .taskDefinitionKey(action.from().activityId()).singleResult();
            if (step == null) {
                throw new ConflictException("demand.error.stepNotOpen", "DEM-" + d.id());
            }
            work.complete(member, step.getId(), routing, note);
        }
        return demands.find(d.id()).orElseThrow();
    }
}
