package io.clearflow.engine.reference;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.engine.work.CaseDetailContributor;
import io.clearflow.engine.work.CaseView;
import java.math.BigDecimal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the reference approval: the request form, and the decision on a review task. */
@Controller
class ApprovalPageController implements CaseDetailContributor {

    private final ApprovalService approvals;
    private final CurrentUser currentUser;
    private final io.clearflow.engine.work.WorkService work;

    ApprovalPageController(ApprovalService approvals, CurrentUser currentUser, io.clearflow.engine.work.WorkService work) {
        this.work = work;
        this.approvals = approvals;
        this.currentUser = currentUser;
    }

    /** Form fields as typed, so a rejected form comes back filled in. */
    record ApprovalForm(String title, String amount, String reason) { }

    @GetMapping("/approvals/new")
    String form(Model model) {
        model.addAttribute("form", new ApprovalForm("", "", ""));
        return "reference/new";
    }

    @PostMapping("/approvals")
    String submit(@ModelAttribute("form") ApprovalForm form, Model model, RedirectAttributes redirect) {
        try {
            BigDecimal amount;
            try {
                amount = new BigDecimal(form.amount().strip());
            } catch (RuntimeException e) {
                amount = null; // refused by the service with the other fields, so every refusal shows at once
            }
            ApprovalRequest request = approvals.submit(currentUser.get(), form.title(), amount, form.reason());
            redirect.addFlashAttribute("flash", "approval.submitted");
            return "redirect:/cases/" + request.caseId();
        } catch (InvalidRequestException e) {
            model.addAttribute("errors", e.fieldErrors());
            return "reference/new";
        }
    }

    @PostMapping("/tasks/{taskId}/decision")
    String decide(@PathVariable String taskId, @RequestParam boolean approved,
                  @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        var me = currentUser.get();
        String caseId = work.task(me, taskId).caseId();
        try {
            approvals.decide(me, taskId, approved, comment);
        } catch (InvalidRequestException e) {
            io.clearflow.engine.api.Flash.refused(redirect, e, java.util.Map.of("comment", comment == null ? "" : comment));
            return "redirect:/tasks/" + taskId;
        }
        // the last review ends the case: say so rather than that it moved on
        boolean ended = !"active".equals(work.caseOf(me, caseId).state());
        redirect.addFlashAttribute("flash", !approved ? "task.rejected" : ended ? "task.approved.ended" : "task.approved");
        return "redirect:/";
    }

    @Override
    public void contribute(CaseView caseView, Model model) {
        if (ApprovalService.PROCESS_KEY.equals(caseView.processKey())) {
            model.addAttribute("approval", approvals.forCase(caseView.id()));
        }
    }
}
