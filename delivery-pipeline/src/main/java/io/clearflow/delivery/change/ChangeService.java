package io.clearflow.delivery.change;

import io.clearflow.delivery.DeliveryProperties;
import io.clearflow.delivery.artifact.Artifacts;
import io.clearflow.delivery.deployment.DeploymentFinished;
import io.clearflow.delivery.deployment.Deployments;
import io.clearflow.delivery.evidence.EvidenceGate;
import io.clearflow.delivery.submission.SubmissionService;
import io.clearflow.delivery.submission.SubmissionState;
import io.clearflow.delivery.submission.TestSubmission;
import io.clearflow.delivery.version.VersionRef;
import io.clearflow.delivery.version.Versions;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.work.WorkService;
import io.clearflow.testmetrics.api.DeliveryEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The change-request (变更单) flow: raised on a test submission that passed exit, approved by distinct people
 * of the configured roles through {@value #PROCESS_KEY} (the engine enforces separation of duties on each
 * approval task), deployed to production by ops through {@link Deployments}, moved on when the deployment
 * finishes, verified and closed by ops. State and process move in one transaction.
 */
@Service
public class ChangeService {

    public static final String PROCESS_KEY = "deliveryChange";
    static final int MAX_TEXT = 2000;

    /** A change with its decisions, the roles still to approve, and whether (or why not) the reader may decide. */
    public record Detail(Change change, List<Approval> approvals, List<PlatformRole> pendingRoles, boolean mayDecide,
                         String whyNot) { }

    private static final Map<String, PlatformRole> STEP_ROLES = Map.of("approveQc", PlatformRole.QC,
            "approveOps", PlatformRole.OPS, "approveItManager", PlatformRole.IT_MANAGER,
            "approveCompliance", PlatformRole.COMPLIANCE);
    static final String EMERGENCY_STEP = "emergencyApproval";

    private final ChangeRepository changes;
    private final ApprovalRepository approvals;
    private final SeparationOfDuties separation;
    private final ChangeProperties properties;
    private final SubmissionService submissions;
    private final Versions versions;
    private final Deployments deployments;
    private final Artifacts artifacts;
    private final DeliveryProperties stages;
    private final DeliveryEvents dora;
    private final WorkService work;
    private final TaskService engineTasks;
    private final RuntimeService runtime;
    private final Clock clock;
    private final EvidenceGate evidence;

    ChangeService(ChangeRepository changes, ApprovalRepository approvals, SeparationOfDuties separation,
                  ChangeProperties properties, SubmissionService submissions, Versions versions, Deployments deployments,
                  Artifacts artifacts, DeliveryProperties stages, DeliveryEvents dora, WorkService work, TaskService engineTasks, RuntimeService runtime, Clock clock,
                  EvidenceGate evidence) {
        this.changes = changes;
        this.approvals = approvals;
        this.separation = separation;
        this.properties = properties;
        this.submissions = submissions;
        this.versions = versions;
        this.deployments = deployments;
        this.artifacts = artifacts;
        this.stages = stages;
        this.dora = dora;
        this.work = work;
        this.engineTasks = engineTasks;
        this.runtime = runtime;
        this.clock = clock;
        this.evidence = evidence;
    }

    /** Raises a change on a test submission that passed its exit criteria; its approvals wait in the inboxes. */
    @Transactional
    public Change raise(Member submitter, NewChange input) {
        TestSubmission submission = submissions.find(input.testSubmissionId())
                .orElseThrow(() -> new NotFoundException("test submission", String.valueOf(input.testSubmissionId())));
        if (submission.state() != SubmissionState.PASSED) {
            throw new ConflictException("delivery.change.error.notPassed", submission.key(), submission.state());
        }
        if (changes.openForSubmission(submission.id())) {
            throw new ConflictException("delivery.change.error.exists", submission.key());
        }
        VersionRef version = versions.find(submission.versionId())
                .orElseThrow(() -> new NotFoundException("version", String.valueOf(submission.versionId())));
        boolean compliance = Boolean.TRUE.equals(input.complianceRelevant());
        boolean emergency = Boolean.TRUE.equals(input.emergency());
        List<PlatformRole> required = properties.required(version.critical(), compliance);
        Instant now = clock.instant();
        String caseId = work.newCaseId();
        long id = changes.insert(new ChangeRepository.NewRow(submission.id(), version.id(), submission.artifactId(),
                version.system(), version.critical(), input.risk().toLowerCase(Locale.ROOT), input.window().strip(),
                input.rollbackPlan().strip(), blankToNull(input.deploymentSteps()), input.affectedSystems(), compliance,
                emergency, required, input.firstCommitAt(), caseId, submitter.userId(), now));
        Change change = changes.find(id).orElseThrow();
        work.start(submitter, PROCESS_KEY, change.key(), Map.of("changeId", id, "emergency", emergency,
                "approvalRoles", emergency ? "," : roles(required)), caseId);
        // DORA's lead time runs from the first commit: test-metrics keeps a change only with that time
        if (change.firstCommitAt() != null) {
            dora.record(List.of(), List.of(new DeliveryEvents.Change(change.system(), change.key(), change.firstCommitAt(),
                    null)), List.of());
        }
        versions.record(version.id(), emergency ? "change.raisedEmergency" : "change.raised", submitter.userId(),
                change.key(), link(id));
        return change;
    }

    @Transactional
    public Change approve(Member approver, long id, String comment) {
        return decide(approver, id, true, text(comment, false, "comment"));
    }

    @Transactional
    public Change reject(Member approver, long id, String reason) {
        return decide(approver, id, false, text(reason, true, "reason"));
    }

    private Change decide(Member member, long id, boolean approved, String note) {
        Change change = change(id);
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
            requireEvidence(change);
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
            return change(id);
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
        return change(id);
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

    /** Ops start the production deployment of an approved change; returns the deployment's id at once. */
    @Transactional
    public long deploy(Member ops, long id) {
        Change change = change(id);
        if (change.state() != ChangeState.APPROVED) {
            throw new ConflictException("delivery.change.error.notApproved", change.key(), change.state());
        }
        requireEvidence(change);
        long deploymentId = deployments.deploy(ops, change.artifactId(), DeliveryProperties.PRODUCTION, id);
        if (!changes.deploying(id, deploymentId, clock.instant())) {
            throw new ConflictException("delivery.change.error.changed", change.key());
        }
        versions.record(change.versionId(), "change.deploying", ops.userId(), change.key(), link(id));
        return deploymentId;
    }

    /**
     * A critical system's change needs its version's pre-go-live evidence (stress test, code audit) before approval
     * and again before deployment (evidence may have been withdrawn in between). Emergency changes are exempt: they
     * cannot wait for a 2-hour stability run; their approvers see the missing items on the page.
     */
    private void requireEvidence(Change change) {
        if (change.critical() && !change.emergency()) {
            versions.find(change.versionId()).ifPresent(evidence::require);
        }
    }

    /** Moves the change on when its production deployment ends. */
    @EventListener
    @Transactional
    public void deploymentFinished(DeploymentFinished event) {
        if (event.changeId() == null) {
            return;
        }
        Optional<Change> found = changes.find(event.changeId());
        if (found.isEmpty() || !Long.valueOf(event.deploymentId()).equals(found.get().deploymentId())) {
            return;
        }
        Change change = found.get();
        Instant now = clock.instant();
        if (!changes.deployed(change.id(), event.succeeded(), now)) {
            return; // already moved by an earlier delivery of the same event
        }
        if (event.succeeded() && change.firstCommitAt() != null) {
            dora.record(List.of(), List.of(new DeliveryEvents.Change(change.system(), change.key(), change.firstCommitAt(),
                    String.valueOf(event.deploymentId()))), List.of());
        }
        versions.record(change.versionId(), event.succeeded() ? "change.deployed" : "change.failed", null,
                change.key() + " " + event.artifactSha256(), link(change.id()));
    }

    /** Ops verified the deployment in production and close the change. */
    @Transactional
    public Change close(Member ops, long id, String comment) {
        Change change = change(id);
        String note = text(comment, false, "comment");
        if (change.state() != ChangeState.DEPLOYED || !changes.closed(id, ops.userId(), note, clock.instant())) {
            throw new ConflictException("delivery.change.error.notDeployed", change.key(), change.state());
        }
        versions.record(change.versionId(), "change.closed", ops.userId(), note, link(id));
        return change(id);
    }

    @Transactional(readOnly = true)
    public Change change(long id) {
        return changes.find(id).orElseThrow(() -> new NotFoundException("change", String.valueOf(id)));
    }

    @Transactional(readOnly = true)
    public Optional<Change> forCase(String caseId) {
        return changes.findByCase(caseId);
    }

    @Transactional(readOnly = true)
    public List<Change> latest(int limit) {
        return changes.latest(Math.max(1, Math.min(limit, 500)));
    }

    /** The version's changes, newest first (the version page lists them). */
    @Transactional(readOnly = true)
    public List<Change> ofVersion(long versionId) {
        return changes.ofVersion(versionId);
    }

    @Transactional(readOnly = true)
    public List<Approval> approvals(long id) {
        return approvals.ofChange(id);
    }

    @Transactional(readOnly = true)
    public Detail detail(Member reader, long id) {
        Change change = change(id);
        List<Approval> decisions = approvals.ofChange(id);
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
        return new Detail(change, decisions, pending, whyNot == null, whyNot);
    }

    /** The open approval step of the change that waits in one of the member's inboxes (their roles). */
    private Optional<Task> openStepFor(Member member, Change change) {
        return engineTasks.createTaskQuery().processInstanceId(change.caseId())
                .taskCandidateGroupIn(member.roles().isEmpty() ? List.of("-") : member.roles())
                .orderByTaskCreateTime().asc().list().stream().findFirst();
    }

    private static String roles(List<PlatformRole> roles) {
        StringBuilder csv = new StringBuilder(",");
        roles.forEach(r -> csv.append(r.groupId()).append(','));
        return csv.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String text(String value, boolean required, String field) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidRequestException("delivery.change.error.reasonRequired",
                        Map.of(field, "delivery.change.error.reasonRequired"));
            }
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidRequestException("delivery.change.error.tooLong", Map.of(field, "delivery.change.error.tooLong"));
        }
        return value.strip();
    }

    static String link(long id) {
        return "/delivery/changes/" + id;
    }
}
