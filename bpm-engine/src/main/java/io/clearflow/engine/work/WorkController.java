package io.clearflow.engine.work;

import io.clearflow.engine.api.Idempotent;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.forms.TaskForms;
import io.clearflow.engine.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Work", description = "Inbox, task claim and completion, process start, the cases a user started")
class WorkController {

    private final WorkService work;
    private final CurrentUser currentUser;
    private final TaskForms taskForms;
    private final GenericOperations generic;
    private final DoneTasks doneTasks;

    WorkController(WorkService work, CurrentUser currentUser, TaskForms taskForms, GenericOperations generic,
                   DoneTasks doneTasks) {
        this.doneTasks = doneTasks;
        this.generic = generic;
        this.taskForms = taskForms;
        this.work = work;
        this.currentUser = currentUser;
    }

    @GetMapping("/tasks")
    @Operation(summary = "The caller's inbox: assigned tasks and tasks waiting for their department or roles")
    List<TaskView> inbox(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return work.inbox(currentUser.get(), page, size);
    }

    @GetMapping("/tasks/done")
    @Operation(summary = "The steps the caller finished, newest first, with the case and their decision")
    DoneTasks.Page done(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return doneTasks.of(currentUser.get(), page, size);
    }

    @GetMapping("/tasks/{taskId}")
    TaskView task(@PathVariable String taskId) {
        return work.task(currentUser.get(), taskId);
    }

    @PostMapping("/tasks/{taskId}/claim")
    TaskView claim(@PathVariable String taskId) {
        return work.claim(currentUser.get(), taskId);
    }

    @PostMapping("/tasks/{taskId}/unclaim")
    TaskView unclaim(@PathVariable String taskId) {
        return work.unclaim(currentUser.get(), taskId);
    }

    record CompleteRequest(Map<String, Object> variables, @Size(max = WorkService.MAX_COMMENT) String comment) { }

    @Idempotent
    @PostMapping("/tasks/{taskId}/complete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Complete a task (claims it first when it is still in a shared inbox)")
    void complete(@PathVariable String taskId, @Valid @RequestBody CompleteRequest request) {
        var me = currentUser.get();
        // a step with a form is completed through it, so its rules are checked and its owner module records
        // the decision; a delegate only hands a delegated task back (resolve), which needs no form
        // (a task held by somebody else goes on to WorkService, which answers 403)
        TaskView task = work.task(me, taskId);
        generic.require(task.processKey());
        boolean mayComplete = task.assignee() == null || task.assignee().equals(me.userId());
        if (mayComplete && !task.delegated() && taskForms.forTask(me, taskId).isPresent()) {
            throw new ConflictException("task.complete.hasForm", taskId);
        }
        work.complete(me, taskId, request.variables(), request.comment());
    }

    record ReasonRequest(@NotBlank @Size(max = WorkService.MAX_COMMENT) String reason) { }

    record SendBackRequest(@NotBlank @Size(max = 255) String targetActivityId,
                           @NotBlank @Size(max = WorkService.MAX_COMMENT) String reason) { }

    @GetMapping("/tasks/{taskId}/send-back-targets")
    @Operation(summary = "Steps of the task's case it can be sent back to")
    List<WorkService.Step> sendBackTargets(@PathVariable String taskId) {
        var me = currentUser.get();
        return generic.allowed(work.task(me, taskId).processKey()) ? work.sendBackTargets(me, taskId) : List.of();
    }

    @PostMapping("/tasks/{taskId}/send-back")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Send a task back (打回) to a step that already ran, with a reason")
    void sendBack(@PathVariable String taskId, @Valid @RequestBody SendBackRequest request) {
        generic.require(work.task(currentUser.get(), taskId).processKey());
        work.sendBack(currentUser.get(), taskId, request.targetActivityId(), request.reason());
    }

    @PostMapping("/processes/{caseId}/withdraw")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw (回收) the last step you completed, or your own case, while the next step is unclaimed")
    void withdraw(@PathVariable String caseId, @Valid @RequestBody ReasonRequest request) {
        generic.require(work.caseOf(currentUser.get(), caseId).processKey());
        work.withdraw(currentUser.get(), caseId, request.reason());
    }

    record HandOver(@NotBlank @Size(max = 64) String userId, @Size(max = WorkService.MAX_COMMENT) String comment) { }

    record CommentRequest(@NotBlank @Size(max = WorkService.MAX_COMMENT) String message) { }

    @PostMapping("/tasks/{taskId}/delegate")
    @Operation(summary = "Delegate (委派) a task you hold; it comes back to you when the delegate resolves it")
    TaskView delegate(@PathVariable String taskId, @Valid @RequestBody HandOver request) {
        return work.delegate(currentUser.get(), taskId, request.userId(), request.comment());
    }

    @PostMapping("/tasks/{taskId}/transfer")
    @Operation(summary = "Transfer (转办) a task you hold to a colleague who may see it")
    TaskView transfer(@PathVariable String taskId, @Valid @RequestBody HandOver request) {
        return work.transfer(currentUser.get(), taskId, request.userId(), request.comment());
    }

    @GetMapping("/tasks/{taskId}/comments")
    @Operation(summary = "Comments on every step of the task's case, oldest first")
    List<WorkService.Comment> comments(@PathVariable String taskId) {
        return work.comments(currentUser.get(), taskId);
    }

    @Idempotent
    @PostMapping("/tasks/{taskId}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    WorkService.Comment comment(@PathVariable String taskId, @Valid @RequestBody CommentRequest request) {
        return work.comment(currentUser.get(), taskId, request.message());
    }

    @Idempotent
    @PostMapping(value = "/tasks/{taskId}/attachments", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a file (PDF, PNG, JPEG, DOCX, XLSX, TXT, CSV; checked by content; size-limited)")
    WorkService.Attachment attach(@PathVariable String taskId,
                                  @org.springframework.web.bind.annotation.RequestParam("file")
                                  org.springframework.web.multipart.MultipartFile file) throws java.io.IOException {
        return work.attach(currentUser.get(), taskId, file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/processes/{caseId}/attachments")
    List<WorkService.Attachment> attachments(@PathVariable String caseId) {
        return work.attachments(currentUser.get(), caseId);
    }

    @GetMapping("/attachments/{attachmentId}/content")
    @Operation(summary = "Download an attachment (always as a download, never rendered inline)")
    org.springframework.http.ResponseEntity<byte[]> attachment(@PathVariable String attachmentId) {
        var found = work.attachmentContent(currentUser.get(), attachmentId);
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(found.attachment().name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(org.springframework.http.MediaType.parseMediaType(found.attachment().contentType()))
                .body(found.content());
    }

    record StartRequest(@NotBlank @Size(max = 255) String processKey, @Size(max = 255) String businessKey,
                        Map<String, Object> variables) { }

    @Idempotent
    @PostMapping("/processes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a process the caller's department or roles may start")
    CaseView start(@Valid @RequestBody StartRequest request) {
        return work.start(currentUser.get(), request.processKey(), request.businessKey(), request.variables());
    }

    @GetMapping("/processes/mine")
    @Operation(summary = "Cases the caller started, newest first")
    List<CaseView> mine(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return work.startedBy(currentUser.get(), page, size);
    }

    @GetMapping("/processes/{caseId}")
    CaseView caseOf(@PathVariable String caseId) {
        return work.caseOf(currentUser.get(), caseId);
    }
}
