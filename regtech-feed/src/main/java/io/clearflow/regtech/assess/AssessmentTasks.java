package io.clearflow.regtech.assess;

import java.util.List;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Component;

/** The open user tasks of an assessment's process, which each step completes through the work service. */
@Component
class AssessmentTasks {

    private final TaskService tasks;

    AssessmentTasks(TaskService tasks) {
        this.tasks = tasks;
    }

    /** The open task of the activity (for that candidate department, when given), or null. */
    Task open(String caseId, String activityId, String department) {
        var query = tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey(activityId);
        if (department != null) {
            query = query.taskCandidateGroup(department);
        }
        List<Task> open = query.list();
        return open.isEmpty() ? null : open.get(0);
    }
}
