package io.clearflow.delivery.change;

import io.clearflow.delivery.artifact.ArtifactRef;
import io.clearflow.delivery.artifact.Artifacts;
import io.clearflow.delivery.deployment.Deployment;
import io.clearflow.delivery.deployment.DeploymentService;
import io.clearflow.delivery.submission.GateView;
import io.clearflow.delivery.submission.SubmissionService;
import io.clearflow.delivery.submission.TestSubmission;
import io.clearflow.delivery.version.VersionRef;
import io.clearflow.delivery.version.Versions;
import io.clearflow.engine.api.Member;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything an auditor needs of one change, gathered for the export: its approvals, the test submission with
 * every gate evaluation (rules, thresholds, actual values, evidence), the artifact's digest, the deployment with
 * its output,
 * and every engine step of both cases with who completed it when and their comments.
 */
@Component
class ChangeAudit {

    /** One engine step or comment of the submission's or the change's case. */
    record Step(String process, String name, String assignee, Instant started, Instant ended, String comment) { }

    record Report(Change change, VersionRef version, TestSubmission submission, List<GateView> gates,
                  List<Approval> approvals, ArtifactRef artifact, Deployment deployment, List<Step> steps,
                  String generatedBy, Instant generatedAt) { }

    private final ChangeService changes;
    private final SubmissionService submissions;
    private final Versions versions;
    private final Artifacts artifacts;
    /** Read only, for the deployment's record and output: the {@code Deployments} contract starts deployments. */
    private final DeploymentService deployments;
    private final HistoryService history;
    private final TaskService tasks;
    private final Clock clock;

    ChangeAudit(ChangeService changes, SubmissionService submissions, Versions versions, Artifacts artifacts,
                DeploymentService deployments, HistoryService history, TaskService tasks, Clock clock) {
        this.changes = changes;
        this.submissions = submissions;
        this.versions = versions;
        this.artifacts = artifacts;
        this.deployments = deployments;
        this.history = history;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Report report(Member reader, long changeId) {
        Change change = changes.change(changeId);
        TestSubmission submission = submissions.find(change.testSubmissionId()).orElse(null);
        List<Step> steps = new ArrayList<>();
        if (submission != null && submission.caseId() != null) {
            steps.addAll(steps(SubmissionService.PROCESS_KEY, submission.caseId()));
        }
        steps.addAll(steps(ChangeService.PROCESS_KEY, change.caseId()));
        return new Report(change, versions.find(change.versionId()).orElse(null), submission,
                submission == null ? List.of() : submissions.gates(submission.id()), changes.approvals(changeId),
                artifacts.find(change.artifactId()).orElse(null),
                change.deploymentId() == null ? null : deployments.require(change.deploymentId()), steps, reader.userId(),
                clock.instant());
    }

    private List<Step> steps(String process, String caseId) {
        List<Step> steps = new ArrayList<>();
        history.createHistoricTaskInstanceQuery().processInstanceId(caseId).orderByHistoricTaskInstanceStartTime().asc()
                .list().forEach(t -> steps.add(new Step(process, t.getName(), t.getAssignee(), instant(t.getCreateTime()),
                        instant(t.getEndTime()), null)));
        tasks.getProcessInstanceComments(caseId).forEach(c -> steps.add(new Step(process, "comment", c.getUserId(),
                instant(c.getTime()), null, c.getFullMessage())));
        steps.sort(Comparator.comparing(Step::started, Comparator.nullsLast(Comparator.naturalOrder())));
        return steps;
    }

    private static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }
}
