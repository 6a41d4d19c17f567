package io.clearflow.delivery.change;

import io.clearflow.delivery.deployment.DeploymentFinished;
import io.clearflow.delivery.deployment.Deployments;
import io.clearflow.delivery.input.FreeText;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.PlatformRole;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The change-request (变更单) flow: raised on a test submission that passed exit, approved by distinct people
 * of the configured roles through {@value #PROCESS_KEY} (the engine enforces separation of duties on each
 * approval task), deployed to production by ops through {@link Deployments}, moved on when the deployment
 * finishes, verified and closed by ops. State and process move in one transaction. The steps live in
 * {@link ChangeRaising}, {@link ChangeApprovals} and {@link ChangeDeployment}; this service is their transaction
 * boundary and the reads.
 */
@Service
public class ChangeService {

    public static final String PROCESS_KEY = "deliveryChange";
    static final int MAX_TEXT = 2000;
    private static final FreeText NOTE = new FreeText("delivery.change.error.reasonRequired",
            "delivery.change.error.tooLong", MAX_TEXT);

    /** A change with its decisions, the roles still to approve, and whether (or why not) the reader may decide. */
    public record Detail(Change change, List<Approval> approvals, List<PlatformRole> pendingRoles, boolean mayDecide,
                         String whyNot) { }

    private final ChangeRepository changes;
    private final ApprovalRepository approvals;
    private final ChangeRaising raising;
    private final ChangeApprovals approving;
    private final ChangeDeployment deployment;

    ChangeService(ChangeRepository changes, ApprovalRepository approvals, ChangeRaising raising,
                  ChangeApprovals approving, ChangeDeployment deployment) {
        this.changes = changes;
        this.approvals = approvals;
        this.raising = raising;
        this.approving = approving;
        this.deployment = deployment;
    }

    /** Raises a change on a test submission that passed its exit criteria; its approvals wait in the inboxes. */
    @Transactional
    public Change raise(Member submitter, NewChange input) {
        return raising.raise(submitter, input);
    }

    @Transactional
    public Change approve(Member approver, long id, String comment) {
        String note = text(comment, false, "comment");
        approving.decide(approver, change(id), true, note);
        return change(id);
    }

    @Transactional
    public Change reject(Member approver, long id, String reason) {
        String note = text(reason, true, "reason");
        approving.decide(approver, change(id), false, note);
        return change(id);
    }

    /** Ops start the production deployment of an approved change; returns the deployment's id at once. */
    @Transactional
    public long deploy(Member ops, long id) {
        return deployment.deploy(ops, change(id));
    }

    /** Moves the change on when its production deployment ends. */
    @EventListener
    @Transactional
    public void deploymentFinished(DeploymentFinished event) {
        deployment.finished(event);
    }

    /** Ops verified the deployment in production and close the change. */
    @Transactional
    public Change close(Member ops, long id, String comment) {
        Change change = change(id);
        deployment.close(ops, change, text(comment, false, "comment"));
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
        return approving.detail(reader, change(id));
    }

    static String text(String value, boolean required, String field) {
        return NOTE.check(value, required, field);
    }

    static String link(long id) {
        return "/delivery/changes/" + id;
    }
}
