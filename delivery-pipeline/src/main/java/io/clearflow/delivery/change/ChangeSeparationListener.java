package io.clearflow.delivery.change;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.work.ActingAs;
import org.flowable.identitylink.api.IdentityLinkInfo;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.service.delegate.DelegateTask;
import org.flowable.task.service.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Separation of duties in the engine: the {@code complete} listener of every approval task of
 * {@code deliveryChange}. Whoever completes the task, by whichever path (the change API or page, the generic
 * task API, Flowable's own services), must be one of the task's candidates and not excluded by
 * {@link SeparationOfDuties}; otherwise the completion, and the transaction around it, fails.
 */
@Component("deliveryChangeSeparation")
class ChangeSeparationListener implements TaskListener {

    private final ChangeRepository changes;
    private final SeparationOfDuties separation;
    private final OrgDirectory directory;

    ChangeSeparationListener(ChangeRepository changes, SeparationOfDuties separation, OrgDirectory directory) {
        this.changes = changes;
        this.separation = separation;
        this.directory = directory;
    }

    @Override
    public void notify(DelegateTask task) {
        // the engine's services claim before completing; a bare TaskService.complete leaves the assignee empty
        String userId = task.getAssignee() != null ? task.getAssignee() : ActingAs.currentUserId();
        Object changeId = task.getVariable("changeId");
        Change change = changeId instanceof Number n ? changes.find(n.longValue()).orElse(null) : null;
        if (change == null) {
            throw new IllegalStateException("approval task " + task.getId() + " belongs to no change");
        }
        // the separation rule first: it is the more telling reason when both apply
        separation.refusal(change, userId).ifPresent(key -> {
            throw new SeparationOfDutiesException(key);
        });
        Member member = directory.member(userId).orElse(null);
        if (member == null || !candidate(task, member)) {
            throw new SeparationOfDutiesException("delivery.change.sod.notApprover");
        }
    }

    private static boolean candidate(DelegateTask task, Member member) {
        var groups = member.candidateGroups();
        for (IdentityLinkInfo link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (member.userId().equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId())))) {
                return true;
            }
        }
        return false;
    }
}
