package io.clearflow.delivery.change;

import static io.clearflow.delivery.change.ChangeService.link;

import io.clearflow.delivery.DeliveryProperties;
import io.clearflow.delivery.artifact.Artifacts;
import io.clearflow.delivery.version.Versions;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.work.WorkService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The approvals of a change: a decision on the open approval step in the member's inboxes (checked by
 * {@link SeparationOfDuties} here and again by the engine's listener on completion), the emergency path with its
 * retrospective approvals, the artifact's promotion to production once approved, and what a reader may still decide.
 */
@Component
class ChangeApprovals {

    private static final Map<String, PlatformRole> STEP_ROLES = Map.of("approveQc", PlatformRole.QC,
            "approveOps", PlatformRole.OPS, "approveItManager", PlatformRole.IT_MANAGER,
            "approveCompliance", PlatformRole.COMPLIANCE);
    static final String EMERGENCY_STEP = "emergencyApproval";

    private final ChangeRepository changes;
    private final ApprovalRepository approvals;
    private final SeparationOfDuties separation;
    private final ChangeProperties properties;
    private final Versions versions;
    private final Artifacts artifacts;
    private final DeliveryProperties stages;
    private final WorkService work;
    private final TaskService engineTasks;
    private final RuntimeService runtime;
    private final Clock clock;
    private final PreGoLiveCheck evidence;

    ChangeApprovals(ChangeRepository changes, ApprovalRepository approvals, SeparationOfDuties separation,
                    ChangeProperties properties, Versions versions, Artifacts artifacts, DeliveryProperties stages,
                    WorkService work, TaskService engineTasks, RuntimeService runtime, Clock clock,
                    PreGoLiveCheck evidence) {
        this.changes = changes;
        this.approvals = approvals;
        this.separation = separation;
        this.properties = properties;
        this.versions = versions;
        this.artifacts = artifacts;
        this.stages = stages;
        this.work = work;
        this.engineTasks = engineTasks;
        this.runtime = runtime;
        this.clock = clock;
        this.evidence = evidence;
    }

    void decide(Member member, Change change, boolean approved, String note) {
        long id = change.id();
        boolean retrospective = change.emergency() && !change.approvalsComplete() && change.state() != ChangeState.APPROVING
                && change.state() != ChangeState.REJECTED;
        if (change.state() != ChangeState.APPROVING && !retrospective) {
            throw new ConflictException("delivery.change.error.notNow", change.key(), change.state());
        }
        Optional<String> refusal = separation.refusal(change, member.userId());
        if (refusal.isPresent()) {
            throw new SeparationOfDutiesException(refusal.get());
        }
        if (approved) {
            evidence.require(change);
        }
        Task step = openStepFor(member, change)
                .orElseThrow(() -> new ConflictException("delivery.change.error.nothingToApprove", change.key()));
        boolean emergencyStep = EMERGENCY_STEP.equals(step.getTaskDefinitionKey());
        PlatformRole role = emergencyStep
                ? properties.emergency().stream().filter(member::hasRole).findFirst()
                        .orElseThrow(() -> new AccessDeniedException("delivery.change.sod.notApprover"))
                : STEP_ROLES.get(step.getTaskDefinitionKey());
        Map<String, Object> routing = new HashMap<>();
        routing.put("approved", approved);
        if (emergencyStep) {
            List<PlatformRole> remaining = new ArrayList<>(change.requiredRoles());
            remaining.remove(role);
            routing.put("approvalRoles", roles(remaining));
        }
        // the engine's listener checks separation of duties again on completion, whoever completes the step
        work.complete(member, step.getId(), routing, note);
        Instant now = clock.instant();
        boolean deployedAlready = change.state() != ChangeState.APPROVING && change.state() != ChangeState.APPROVED;
        approvals.insert(id, role, member.userId(), approved, emergencyStep, deployedAlready, note, now);
        if (!approved) {
            if (!deployedAlready) {
                changes.rejected(id, change.state(), now);
            }
            versions.record(change.versionId(), "change.rejected", member.userId(), change.key() + ": " + note, link(id));
            return;
        }
        boolean ended = runtime.createProcessInstanceQuery().processInstanceId(change.caseId()).count() == 0;
        if (ended) {
            changes.approvalsComplete(id, now);
        }
        if (change.state() == ChangeState.APPROVING && (ended || emergencyStep)) {
            changes.approved(id, now);
            promoteForProduction(change, member);
        }
        versions.record(change.versionId(), emergencyStep ? "change.emergencyApproved" : "change.approved",
                member.userId(), change.key() + " " + role, link(id));
    }

    /**
     * The approved change is the gate to production: its artifact moves to the production stage, naming the change,
     * unless it is already there (an earlier change shipped it) or not yet one step before it.
     */
    private void promoteForProduction(Change change, Member approver) {
        artifacts.find(change.artifactId()).ifPresent(a -> {
            if (stages.stageIndex(a.stage()) + 1 == stages.stageIndex(DeliveryProperties.PRODUCTION)) {
                artifacts.promote(a.id(), DeliveryProperties.PRODUCTION, approver.userId(),
                        "change/" + change.key() + (change.emergency() ? "/emergency-approved" : "/approved"));
            }
        });
    }

    ChangeService.Detail detail(Member reader, Change change) {
        List<Approval> decisions = approvals.ofChange(change.id());
        Set<PlatformRole> done = EnumSet.noneOf(PlatformRole.class);
        decisions.stream().filter(Approval::approved).forEach(a -> done.add(a.role()));
        List<PlatformRole> pending = change.requiredRoles().stream().filter(r -> !done.contains(r)).toList();
        String whyNot = null;
        boolean open = change.state() == ChangeState.APPROVING || (change.emergency() && !change.approvalsComplete()
                && change.state() != ChangeState.REJECTED);
        if (!open) {
            whyNot = "delivery.change.sod.closed";
        } else {
            whyNot = separation.refusal(change, reader.userId()).orElse(null);
            if (whyNot == null && openStepFor(reader, change).isEmpty()) {
                whyNot = "delivery.change.sod.notApprover";
            }
        }
        return new ChangeService.Detail(change, decisions, pending, whyNot == null, whyNot);
    }

    /** The open approval step of the change that waits in one of the member's inboxes (their roles). */
    private Optional<Task> openStepFor(Member member, Change change) {
        return engineTasks.createTaskQuery().processInstanceId(change.caseId())
                .taskCandidateGroupIn(member.roles().isEmpty() ? List.of("-") : member.roles())
                .orderByTaskCreateTime().asc().list().stream().findFirst();
    }

    /** The roles as the process's {@code approvalRoles} variable: comma-separated group ids, commas around. */
    static String roles(List<PlatformRole> roles) {
        StringBuilder csv = new StringBuilder(",");
        roles.forEach(r -> csv.append(r.groupId()).append(','));
        return csv.toString();
    }
}
