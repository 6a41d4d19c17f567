package io.clearflow.engine.forms;

import io.clearflow.engine.api.Idempotent;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.clearflow.engine.work.CaseView;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Forms", description = "Form definitions (the rules the browser checks too) and task completion through a form")
class FormController {

    private final FormViews views;
    private final TaskForms taskForms;
    private final StartForms startForms;
    private final CurrentUser currentUser;

    FormController(FormViews views, TaskForms taskForms, StartForms startForms, CurrentUser currentUser) {
        this.views = views;
        this.taskForms = taskForms;
        this.startForms = startForms;
        this.currentUser = currentUser;
    }

    @GetMapping("/forms/{formKey}")
    @Operation(summary = "A form definition with its labels and validation rules, in the caller's language")
    FormView form(@PathVariable String formKey) {
        return views.of(formKey);
    }

    @GetMapping("/tasks/{taskId}/form")
    @Operation(summary = "The form of a task (404 when its step has none)")
    FormView taskForm(@PathVariable String taskId) {
        return views.of(taskForms.forTask(currentUser.get(), taskId)
                .orElseThrow(() -> new NotFoundException("form of task", taskId)));
    }

    record FormSubmission(Map<String, Object> values) { }

    @Idempotent
    @PostMapping("/tasks/{taskId}/form")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Complete a task with its form's values; 400 with field errors when they break the form's rules")
    void submit(@PathVariable String taskId, @RequestBody FormSubmission submission) {
        taskForms.complete(currentUser.get(), taskId, submission.values() == null ? Map.of() : submission.values());
    }

    @GetMapping("/forms/start/{processKey}")
    @Operation(summary = "The start form of a process published from the governance catalog "
            + "(no fields when it has none; 404 for a process started from its own module's page)")
    FormView startForm(@PathVariable String processKey) {
        return views.of(startForms.forProcess(currentUser.get(), processKey).form());
    }

    @Idempotent
    @PostMapping("/forms/start/{processKey}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a catalog process with its start form's values; 400 with field errors when they break its rules")
    CaseView start(@PathVariable String processKey, @RequestBody FormSubmission submission) {
        return startForms.start(currentUser.get(), processKey, submission.values() == null ? Map.of() : submission.values());
    }
}
