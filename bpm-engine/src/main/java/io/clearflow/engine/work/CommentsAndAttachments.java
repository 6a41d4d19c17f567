package io.clearflow.engine.work;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.work.WorkService.Attachment;
import io.clearflow.engine.work.WorkService.AttachmentContent;
import io.clearflow.engine.work.WorkService.Comment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Component;

/** What people add to a case besides completing steps: comments and checked files, stored by the engine. */
@Component
class CommentsAndAttachments {

    private final TaskService tasks;
    private final TaskVisibility visibility;
    private final AttachmentPolicy attachmentPolicy;

    CommentsAndAttachments(TaskService tasks, TaskVisibility visibility, AttachmentPolicy attachmentPolicy) {
        this.tasks = tasks;
        this.visibility = visibility;
        this.attachmentPolicy = attachmentPolicy;
    }

    Comment comment(Member member, String taskId, String message) {
        if (message == null || message.isBlank() || message.length() > WorkInput.MAX_COMMENT) {
            String key = message == null || message.isBlank() ? "task.comment.empty" : "task.comment.tooLong";
            throw new InvalidRequestException(key, Map.of("message", key));
        }
        Task task = visibility.visibleTask(member, taskId);
        return WorkViews.comment(ActingAs.member(member,
                () -> tasks.addComment(taskId, task.getProcessInstanceId(), message.strip())));
    }

    /** Comments on every step of the task's case, oldest first, so a reviewer reads the whole discussion. */
    List<Comment> comments(Member member, String taskId) {
        Task task = visibility.visibleTask(member, taskId);
        return tasks.getProcessInstanceComments(task.getProcessInstanceId()).stream()
                .sorted(Comparator.comparing(org.flowable.engine.task.Comment::getTime))
                .map(WorkViews::comment)
                .toList();
    }

    Attachment attach(Member member, String taskId, String fileName, byte[] content) {
        Task task = visibility.visibleTask(member, taskId);
        AttachmentPolicy.Kind kind = attachmentPolicy.check(fileName, content);
        var saved = ActingAs.member(member, () -> tasks.createAttachment(kind.contentType(), taskId,
                task.getProcessInstanceId(), fileName.strip(), null, new ByteArrayInputStream(content)));
        return WorkViews.attachment(saved);
    }

    List<Attachment> attachments(Member member, String caseId) {
        visibility.followedCase(member, caseId);
        return tasks.getProcessInstanceAttachments(caseId).stream().map(WorkViews::attachment).toList();
    }

    AttachmentContent attachmentContent(Member member, String attachmentId) {
        var attachment = tasks.getAttachment(attachmentId);
        if (attachment == null || attachment.getProcessInstanceId() == null) {
            throw new NotFoundException("attachment", attachmentId);
        }
        visibility.followedCase(member, attachment.getProcessInstanceId());
        try (var in = tasks.getAttachmentContent(attachmentId)) {
            return new AttachmentContent(WorkViews.attachment(attachment), in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("attachment " + attachmentId + " unreadable", e);
        }
    }
}
