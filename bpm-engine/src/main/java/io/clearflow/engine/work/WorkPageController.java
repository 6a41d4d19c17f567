package io.clearflow.engine.work;

import io.clearflow.engine.eventlog.EventLogFilter;
import io.clearflow.engine.eventlog.EventLogService;
import io.clearflow.engine.forms.FormViews;
import io.clearflow.engine.forms.StartLinks;
import io.clearflow.engine.forms.TaskForms;
import io.clearflow.engine.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The home page (inbox, my cases, what I can start) and the case page. */
@Controller
class WorkPageController {

    private final WorkService work;
    private final EventLogService eventLog;
    private final CurrentUser currentUser;
    private final java.util.List<CaseDetailContributor> contributors;
    private final io.clearflow.engine.identity.OrgDirectory directory;
    private final java.time.Clock clock;
    private final TaskForms taskForms;
    private final FormViews formViews;
    private final StartLinks startLinks;
    private final GenericOperations generic;
    private final CaseOpinions opinions;
    private final HandOverCandidates handOver;
    private final DoneTasks doneTasks;

    WorkPageController(WorkService work, EventLogService eventLog, CurrentUser currentUser,
                       java.util.List<CaseDetailContributor> contributors,
                       io.clearflow.engine.identity.OrgDirectory directory, java.time.Clock clock,
                       TaskForms taskForms, FormViews formViews, StartLinks startLinks, GenericOperations generic,
                       CaseOpinions opinions, HandOverCandidates handOver, DoneTasks doneTasks) {
        this.doneTasks = doneTasks;
        this.handOver = handOver;
        this.opinions = opinions;
        this.generic = generic;
        this.taskForms = taskForms;
        this.startLinks = startLinks;
        this.formViews = formViews;
        this.directory = directory;
        this.clock = clock;
        this.work = work;
        this.eventLog = eventLog;
        this.currentUser = currentUser;
        this.contributors = contributors;
    }

    @GetMapping("/")
    String home(Model model) {
        var me = currentUser.get();
        model.addAttribute("tasks", work.inbox(me, 0, 50));
        model.addAttribute("now", clock.instant());
        model.addAttribute("inboxSize", work.inboxSize(me));
        model.addAttribute("cases", work.startedBy(me, 0, 20));
        var startable = work.startable(me);
        model.addAttribute("startable", startable);
        model.addAttribute("startLinks", startLinks.of(startable));
        return "home";
    }

    /** 已办: the steps the signed-in member finished, newest first, twenty to a page. */
    @GetMapping("/tasks/done")
    String done(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("done", doneTasks.of(currentUser.get(), page, 20));
        return "done";
    }

    @GetMapping("/cases/{caseId}")
    String caseDetail(@PathVariable String caseId, Model model) {
        var me = currentUser.get();
        CaseView view = work.caseOf(me, caseId);
        model.addAttribute("caseView", view);
        model.addAttribute("timeline", eventLog.find(me, EventLogFilter.none().withCaseId(caseId), 0, 500).content());
        // a module-owned process is moved only by its module's page, which keeps its business state in step
        model.addAttribute("withdrawal", generic.allowed(view.processKey()) ? work.withdrawal(me, caseId).orElse(null) : null);
        model.addAttribute("attachments", work.attachments(me, caseId));
        model.addAttribute("opinions", opinions.of(me, caseId));
        contributors.forEach(c -> c.contribute(view, model));
        return "case";
    }

    /** Panels that inform but decide nothing (the submitted start form, the feedback box): no module page. */
    private static final java.util.Set<String> INFORMATION_PANELS = java.util.Set.of("submittedStart", "governanceFeedback");

    @GetMapping("/tasks/{taskId}")
    String task(@PathVariable String taskId, Model model) {
        var me = currentUser.get();
        TaskView task = work.task(me, taskId);
        model.addAttribute("task", task);
        model.addAttribute("now", clock.instant());
        // a step with a form (registered for its formKey, or designed in the catalog) is completed through it
        taskForms.forTask(me, taskId).ifPresent(form -> model.addAttribute("taskForm", formViews.of(form)));
        // a refused form comes back (as flash attributes) with its values and field errors
        if (!model.containsAttribute("formValues")) {
            model.addAttribute("formValues", java.util.Map.of());
            model.addAttribute("formErrors", java.util.Map.of());
        }
        CaseView view = work.caseOf(me, task.caseId());
        model.addAttribute("caseView", view);
        model.addAttribute("timeline", eventLog.find(me, EventLogFilter.none().withCaseId(task.caseId()), 0, 500).content());
        model.addAttribute("sendBackTargets", generic.allowed(task.processKey()) ? work.sendBackTargets(me, taskId)
                : java.util.List.of());
        model.addAttribute("comments", work.comments(me, taskId));
        model.addAttribute("opinions", opinions.of(me, task.caseId()));
        model.addAttribute("attachments", work.attachments(me, task.caseId()));
        model.addAttribute("colleagues", handOver.of(me, taskId));
        java.util.Set<String> before = new java.util.HashSet<>(model.asMap().keySet());
        contributors.forEach(c -> c.contribute(view, model));
        // a step with neither a form nor a module's panel (a catalog process's plain step) gets a plain 办结
        boolean modulePanel = model.asMap().keySet().stream()
                .anyMatch(k -> !before.contains(k) && !INFORMATION_PANELS.contains(k));
        model.addAttribute("defaultComplete", !model.containsAttribute("taskForm") && !modulePanel
                && generic.allowed(task.processKey()));
        return "task";
    }

    @PostMapping("/tasks/{taskId}/claim")
    String claim(@PathVariable String taskId, RedirectAttributes redirect) {
        work.claim(currentUser.get(), taskId);
        redirect.addFlashAttribute("flash", "task.claimed");
        return "redirect:/tasks/" + taskId;
    }

    @PostMapping("/tasks/{taskId}/send-back")
    String sendBack(@PathVariable String taskId, @org.springframework.web.bind.annotation.RequestParam String targetActivityId,
                    @org.springframework.web.bind.annotation.RequestParam String reason, RedirectAttributes redirect) {
        try {
            generic.require(work.task(currentUser.get(), taskId).processKey());
            work.sendBack(currentUser.get(), taskId, targetActivityId, reason);
            redirect.addFlashAttribute("flash", "task.sentBack");
            return "redirect:/";
        } catch (io.clearflow.engine.api.InvalidRequestException e) {
            if (e.fieldErrors().containsKey("reason")) {
                // a missing or over-long reason: say which, next to the reason, with the text kept
                io.clearflow.engine.api.Flash.refused(redirect, e, java.util.Map.of("reason", reason));
            } else {
                redirect.addFlashAttribute("flashError", "task.sendBack.invalid");
            }
            return "redirect:/tasks/" + taskId;
        } catch (io.clearflow.engine.api.ConflictException e) {
            redirect.addFlashAttribute("flashError", GenericOperations.REFUSED);
            return "redirect:/tasks/" + taskId;
        }
    }

    @PostMapping("/cases/{caseId}/withdraw")
    String withdraw(@PathVariable String caseId, @org.springframework.web.bind.annotation.RequestParam String reason,
                    RedirectAttributes redirect) {
        if (!generic.allowed(work.caseOf(currentUser.get(), caseId).processKey())) {
            redirect.addFlashAttribute("flashError", GenericOperations.REFUSED);
            return "redirect:/cases/" + caseId;
        }
        try {
            work.withdraw(currentUser.get(), caseId, reason);
            redirect.addFlashAttribute("flash", "case.withdrawn");
        } catch (io.clearflow.engine.api.InvalidRequestException e) {
            // a missing or over-long reason, said next to the reason, with the text kept
            io.clearflow.engine.api.Flash.refused(redirect, e, java.util.Map.of("reason", reason));
        } catch (io.clearflow.engine.api.ConflictException e) {
            redirect.addFlashAttribute("flashError", "case.withdraw.tooLate");
        }
        return "redirect:/cases/" + caseId;
    }

    /** Completes a step that has neither a form nor a module page, with an optional comment. */
    @PostMapping("/tasks/{taskId}/complete")
    String complete(@PathVariable String taskId,
                    @org.springframework.web.bind.annotation.RequestParam(required = false) String comment,
                    RedirectAttributes redirect) {
        var me = currentUser.get();
        TaskView task = work.task(me, taskId);
        if (!generic.allowed(task.processKey()) || taskForms.forTask(me, taskId).isPresent()) {
            redirect.addFlashAttribute("flashError", GenericOperations.REFUSED);
            return "redirect:/tasks/" + taskId;
        }
        try {
            work.complete(me, taskId, java.util.Map.of(), comment);
        } catch (io.clearflow.engine.api.InvalidRequestException e) {
            io.clearflow.engine.api.Flash.refused(redirect, e, java.util.Map.of("comment", comment == null ? "" : comment));
            return "redirect:/tasks/" + taskId;
        }
        redirect.addFlashAttribute("flash", "task.completed");
        return "redirect:/";
    }

    @PostMapping("/tasks/{taskId}/hand-over")
    String handOver(@PathVariable String taskId, @org.springframework.web.bind.annotation.RequestParam String userId,
                    @org.springframework.web.bind.annotation.RequestParam String mode,
                    @org.springframework.web.bind.annotation.RequestParam(required = false) String comment,
                    RedirectAttributes redirect) {
        try {
            if ("delegate".equals(mode)) {
                work.delegate(currentUser.get(), taskId, userId, comment);
                redirect.addFlashAttribute("flash", "task.delegated");
            } else {
                work.transfer(currentUser.get(), taskId, userId, comment);
                redirect.addFlashAttribute("flash", "task.transferred");
            }
            return "redirect:/";
        } catch (io.clearflow.engine.api.InvalidRequestException e) {
            // the page has other comment boxes (decision, 办结): the hand-over's own comment carries its own name,
            // so its error stands next to it and the typed text, colleague and mode come back as they were
            java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
            e.fieldErrors().forEach((field, key) -> errors.put("comment".equals(field) ? "handOverComment" : field, key));
            java.util.Map<String, String> typed = new java.util.HashMap<>();
            typed.put("handOverComment", comment);
            typed.put("handOverUser", userId);
            typed.put("handOverMode", mode);
            io.clearflow.engine.api.Flash.refused(redirect,
                    new io.clearflow.engine.api.InvalidRequestException(e.getMessage(), errors), typed);
            return "redirect:/tasks/" + taskId;
        }
    }

    @PostMapping("/tasks/{taskId}/attachments")
    String attach(@PathVariable String taskId,
                  @org.springframework.web.bind.annotation.RequestParam("file") org.springframework.web.multipart.MultipartFile file,
                  RedirectAttributes redirect) throws java.io.IOException {
        try {
            work.attach(currentUser.get(), taskId, file.getOriginalFilename(), file.getBytes());
            redirect.addFlashAttribute("flash", "task.attached");
        } catch (io.clearflow.engine.api.InvalidRequestException e) {
            io.clearflow.engine.api.Flash.error(redirect, e);
        }
        return "redirect:/tasks/" + taskId;
    }

    @PostMapping("/tasks/{taskId}/comments")
    String comment(@PathVariable String taskId, @org.springframework.web.bind.annotation.RequestParam String message,
                   RedirectAttributes redirect) {
        try {
            work.comment(currentUser.get(), taskId, message);
        } catch (io.clearflow.engine.api.InvalidRequestException e) {
            io.clearflow.engine.api.Flash.refused(redirect, e, java.util.Map.of("message", message));
        }
        return "redirect:/tasks/" + taskId;
    }

    @PostMapping("/tasks/{taskId}/unclaim")
    String unclaim(@PathVariable String taskId, RedirectAttributes redirect) {
        work.unclaim(currentUser.get(), taskId);
        redirect.addFlashAttribute("flash", "task.unclaimed");
        return "redirect:/";
    }
}
