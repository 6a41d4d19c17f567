package io.clearflow.demand.lifecycle;

import io.clearflow.demand.api.DemandIntake;
import io.clearflow.demand.api.DemandRef;
import io.clearflow.demand.api.DemandState;
import io.clearflow.demand.api.NewDemand;
import io.clearflow.engine.api.Member;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demand lifecycle. Each transition checks the member's role (403) and the demand's state
 * (409), moves the business record, and completes the matching process step through
 * {@link io.clearflow.engine.work.WorkService}, so the step leaves the inbox and the event log records it, all in
 * one transaction. The operations are carried out by one collaborator per group, as Flowable's services hand their
 * work to commands: {@link DemandSubmission}, {@link DemandDecisions}, {@link DemandTracking}, with the shared
 * checks and the transition itself in {@link DemandTransitions}; this class holds the transaction boundaries.
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
    private final DemandTransitions transitions;
    private final DemandSubmission submission;
    private final DemandDecisions decisions;
    private final DemandTracking tracking;

    DemandService(DemandRepository demands, DemandTaskRepository demandTasks, DemandHistoryRepository history,
                  DemandTransitions transitions, DemandSubmission submission, DemandDecisions decisions,
                  DemandTracking tracking) {
        this.demands = demands;
        this.demandTasks = demandTasks;
        this.history = history;
        this.transitions = transitions;
        this.submission = submission;
        this.decisions = decisions;
        this.tracking = tracking;
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
        return submission.submit(requester, input, uploads);
    }

    @Transactional(readOnly = true)
    public Demand demand(Member member, long id) {
        return transitions.visible(member, id);
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
        return decisions.triage(member, id, accepted, reason);
    }

    /** Compliance approves a regulated demand, or rejects it with a reason. */
    @Transactional
    public Demand complianceDecision(Member member, long id, boolean approved, String reason) {
        return decisions.complianceDecision(member, id, approved, reason);
    }

    /** Records value, workload estimate, priority and target version. */
    @Transactional
    public Demand evaluate(Member member, long id, DemandInput.Evaluation evaluation) {
        return decisions.evaluate(member, id, evaluation);
    }

    /**
     * Splits the demand into development tasks. With Jira configured each task is then mirrored by
     * one Jira issue after commit; a Jira outage leaves the tasks in a retrying sync state.
     */
    @Transactional
    public Demand split(Member member, long id, List<DemandInput.NewTask> tasks) {
        return tracking.split(member, id, tasks);
    }

    /** Internal tracking (standalone, or a task not linked to Jira): status and actual workload. */
    @Transactional
    public DemandTask updateTask(Member member, long taskId, DemandTask.Status status, BigDecimal actualDays) {
        return tracking.updateTask(member, taskId, status, actualDays);
    }

    /** Hands the delivered demand to the requester for business acceptance once every task is done. */
    @Transactional
    public Demand deliver(Member member, long id) {
        return tracking.deliver(member, id);
    }

    /** The requester accepts the delivery (验收), or rejects it with a reason and it returns to tracking. */
    @Transactional
    public Demand acceptance(Member member, long id, boolean accepted, String reason) {
        return decisions.acceptance(member, id, accepted, reason);
    }
}
