package io.clearflow.demand.lifecycle;

import io.clearflow.demand.api.DemandCategory;
import io.clearflow.demand.api.DemandDeliveryStatus;
import io.clearflow.demand.api.DemandUrgency;
import io.clearflow.demand.jira.JiraProperties;
import io.clearflow.demand.lifecycle.DemandForms.DemandForm;
import io.clearflow.demand.lifecycle.DemandForms.TaskRows;
import io.clearflow.engine.api.Flash;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.eventlog.EventLogFilter;
import io.clearflow.engine.eventlog.EventLogService;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.engine.work.CaseDetailContributor;
import io.clearflow.engine.work.CaseView;
import io.clearflow.engine.work.WorkService;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the demand lifecycle: submission, my demands, a demand with the step its reader may take. */
@Controller
class DemandPageController implements CaseDetailContributor {

    private final DemandService demands;
    private final DemandQueries queries;
    private final WorkService work;
    private final EventLogService eventLog;
    private final CurrentUser currentUser;
    private final JiraProperties jira;
    /** The delivery module's answer when it is deployed; the portal works without it. */
    private final ObjectProvider<DemandDeliveryStatus> delivery;

    DemandPageController(DemandService demands, DemandQueries queries, WorkService work, EventLogService eventLog,
                         CurrentUser currentUser, JiraProperties jira, ObjectProvider<DemandDeliveryStatus> delivery) {
        this.delivery = delivery;
        this.demands = demands;
        this.queries = queries;
        this.work = work;
        this.eventLog = eventLog;
        this.currentUser = currentUser;
        this.jira = jira;
    }

    @GetMapping("/demand")
    String mine(Model model) {
        Member me = currentUser.get();
        model.addAttribute("mine", queries.list(me, true, null, 0, 100));
        model.addAttribute("department", me.department() == null ? List.of()
                : queries.list(me, false, me.department(), 0, 100).stream()
                .filter(d -> !d.requester().equals(me.userId())).toList());
        return "demand/mine";
    }

    @GetMapping("/demand/new")
    String form(Model model) {
        return formPage(model, DemandForm.empty(), null);
    }

    private String formPage(Model model, DemandForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", DemandCategory.values());
        model.addAttribute("urgencies", DemandUrgency.values());
        return "demand/new";
    }

    @PostMapping("/demand")
    String submit(@ModelAttribute("form") DemandForm form,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files,
                  Model model, RedirectAttributes redirect) throws IOException {
        try {
            Demand d = demands.submit(currentUser.get(), form.toNewDemand(), DemandForms.uploads(files));
            redirect.addFlashAttribute("flash", "demand.flash.submitted");
            return "redirect:/demand/" + d.id();
        } catch (InvalidRequestException e) {
            model.addAttribute("errorText", e.getMessage());
            return formPage(model, form, e.fieldErrors());
        }
    }

    @GetMapping("/demand/{id}")
    String detail(@PathVariable long id, Model model) {
        Member me = currentUser.get();
        DemandService.DemandDetail detail = demands.detail(me, id);
        model.addAttribute("detail", detail);
        model.addAttribute("d", detail.demand());
        model.addAttribute("actions", detail.actions().stream().map(Enum::name).toList());
        model.addAttribute("timeline", eventLog.find(me, EventLogFilter.none().withCaseId(detail.demand().caseId()), 0, 500)
                .content());
        model.addAttribute("attachments", work.attachments(me, detail.demand().caseId()));
        model.addAttribute("jiraBrowse", jira.browseUrl());
        // after detail(): the reader may see this demand, so may see where it is delivered
        DemandDeliveryStatus status = delivery.getIfAvailable();
        model.addAttribute("deliveries", status == null ? null : status.versionsOf(id));
        return "demand/detail";
    }

    @PostMapping("/demand/{id}/triage")
    String triage(@PathVariable long id, @RequestParam boolean accepted, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        return Flash.act(redirect, page(id), "demand.flash.triaged",
                () -> demands.triage(currentUser.get(), id, accepted, reason));
    }

    @PostMapping("/demand/{id}/compliance")
    String compliance(@PathVariable long id, @RequestParam boolean accepted, @RequestParam(required = false) String reason,
                      RedirectAttributes redirect) {
        return Flash.act(redirect, page(id), "demand.flash.reviewed",
                () -> demands.complianceDecision(currentUser.get(), id, accepted, reason));
    }

    @PostMapping("/demand/{id}/evaluation")
    String evaluate(@PathVariable long id, @RequestParam(required = false) Integer valueScore,
                    @RequestParam(required = false) BigDecimal estimateDays, @RequestParam(required = false) String priority,
                    @RequestParam(required = false) String targetVersion, RedirectAttributes redirect) {
        return Flash.act(redirect, page(id), "demand.flash.evaluated", () -> demands.evaluate(currentUser.get(), id,
                new DemandInput.Evaluation(valueScore, estimateDays, priority, targetVersion)));
    }

    @PostMapping("/demand/{id}/split")
    String split(@PathVariable long id, @ModelAttribute TaskRows rows, RedirectAttributes redirect) {
        return Flash.act(redirect, page(id), "demand.flash.split", () -> demands.split(currentUser.get(), id, rows.tasks()));
    }

    @PostMapping("/demand/{id}/tasks/{taskId}")
    String updateTask(@PathVariable long id, @PathVariable long taskId, @RequestParam DemandTask.Status status,
                      @RequestParam(required = false) BigDecimal actualDays, RedirectAttributes redirect) {
        return Flash.act(redirect, page(id), "demand.flash.taskUpdated",
                () -> demands.updateTask(currentUser.get(), taskId, status, actualDays));
    }

    @PostMapping("/demand/{id}/delivery")
    String deliver(@PathVariable long id, RedirectAttributes redirect) {
        return Flash.act(redirect, page(id), "demand.flash.delivered", () -> demands.deliver(currentUser.get(), id));
    }

    @PostMapping("/demand/{id}/acceptance")
    String acceptance(@PathVariable long id, @RequestParam boolean accepted, @RequestParam(required = false) String reason,
                      RedirectAttributes redirect) {
        return Flash.act(redirect, page(id), accepted ? "demand.flash.accepted" : "demand.flash.acceptanceRejected",
                () -> demands.acceptance(currentUser.get(), id, accepted, reason));
    }

    /** Where an action on a demand lands: its page, with the action's message or refusal on top. */
    private static String page(long id) {
        return "/demand/" + id;
    }

    /** The generic case and task pages show the demand behind a demandLifecycle case, with a link to act on it. */
    @Override
    public void contribute(CaseView caseView, Model model) {
        if (DemandService.PROCESS_KEY.equals(caseView.processKey())) {
            demands.forCase(caseView.id()).ifPresent(d -> model.addAttribute("demand", d));
        }
    }
}
