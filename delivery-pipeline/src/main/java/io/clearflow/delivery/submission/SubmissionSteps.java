package io.clearflow.delivery.submission;

import io.clearflow.delivery.DeliveryProperties;
import io.clearflow.delivery.artifact.ArtifactRef;
import io.clearflow.delivery.artifact.Artifacts;
import io.clearflow.delivery.input.FreeText;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What every step of a submission needs first, as Flowable's {@code NeedsActiveTaskCmd} does for its commands: the
 * submission in the state the step expects, its open engine task, the checked text; and the artifact's promotion
 * that passed gates lead to.
 */
@Component
class SubmissionSteps {

    private static final FreeText NOTE = new FreeText("delivery.submission.error.reasonRequired",
            "delivery.submission.error.tooLong", SubmissionService.MAX_TEXT);

    private final SubmissionRepository submissions;
    private final TaskService engineTasks;
    private final Artifacts artifacts;
    private final DeliveryProperties stages;

    SubmissionSteps(SubmissionRepository submissions, TaskService engineTasks, Artifacts artifacts,
                    DeliveryProperties stages) {
        this.submissions = submissions;
        this.engineTasks = engineTasks;
        this.artifacts = artifacts;
        this.stages = stages;
    }

    TestSubmission find(long id) {
        return submissions.find(id).orElseThrow(() -> new NotFoundException("test submission", String.valueOf(id)));
    }

    TestSubmission require(long id, SubmissionState state) {
        TestSubmission s = find(id);
        if (s.state() != state) {
            throw new ConflictException("delivery.submission.error.notNow", s.key());
        }
        return s;
    }

    static void requireSubmitter(Member member, TestSubmission s) {
        if (!member.userId().equals(s.submittedBy())) {
            throw new AccessDeniedException("delivery.submission.error.notSubmitter");
        }
    }

    /** The submission's open engine task of the step; none means the step is not due (anymore). */
    Task step(TestSubmission s, String activityId) {
        Task step = engineTasks.createTaskQuery().processInstanceId(s.caseId()).taskDefinitionKey(activityId).singleResult();
        if (step == null) {
            throw new ConflictException("delivery.submission.error.notNow", s.key());
        }
        return step;
    }

    void promote(ArtifactRef artifact, String to, Member actor, long submissionId, GateView gate) {
        // only one step forward: an artifact already at (or past) the stage keeps it, e.g. on a resubmission
        if (to == null || to.isBlank() || stages.stageIndex(artifact.stage()) + 1 != stages.stageIndex(to)) {
            return;
        }
        artifacts.promote(artifact.id(), to, actor.userId(),
                "submission/" + submissionId + "/" + gate.kind() + "#" + gate.id() + " " + (gate.passed() ? "PASS" : "FAIL"));
    }

    static String text(String value, boolean required, String field) {
        return NOTE.check(value, required, field);
    }

    static String failedRules(GateView gate) {
        return gate.results().stream().filter(r -> !r.passed())
                .map(r -> r.rule() + " (" + (r.actual() == null ? "—" : r.actual().stripTrailingZeros().toPlainString()) + ")")
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    static String link(long id) {
        return "/delivery/test-submissions/" + id;
    }
}
