package io.clearflow.engine.reference.accountopening;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.engine.work.CaseDetailContributor;
import io.clearflow.engine.work.CaseView;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of account opening: the application form, and the application on its case and review task pages. */
@Controller
class AccountOpeningPageController implements CaseDetailContributor {

    private final AccountOpeningService service;
    private final CurrentUser currentUser;

    AccountOpeningPageController(AccountOpeningService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
    }

    /** Form fields as typed, so a refused form comes back filled in. */
    record ApplicationForm(String name, String idNumber, String phone, String address) { }

    @GetMapping("/account-opening/new")
    String form(Model model) {
        model.addAttribute("form", new ApplicationForm("", "", "", ""));
        return "reference/accountopening/new";
    }

    @PostMapping("/account-opening")
    String apply(@ModelAttribute("form") ApplicationForm form, @RequestParam(value = "image", required = false) MultipartFile image,
                 Model model, RedirectAttributes redirect) throws IOException {
        try {
            AccountApplication application = service.apply(currentUser.get(),
                    new AccountOpeningService.Form(form.name(), form.idNumber(), form.phone(), form.address()),
                    image == null ? new byte[0] : image.getBytes());
            redirect.addFlashAttribute("flash", "accountOpening.submitted");
            return "redirect:/cases/" + application.caseId();
        } catch (InvalidRequestException e) {
            model.addAttribute("errors", e.fieldErrors());
            return "reference/accountopening/new";
        }
    }

    @PostMapping("/account-opening/tasks/{taskId}/decision")
    String decide(@PathVariable String taskId, @RequestParam boolean open, @RequestParam(required = false) String comment,
                  RedirectAttributes redirect) {
        try {
            service.decide(currentUser.get(), taskId, open, comment);
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/tasks/" + taskId;
        }
        redirect.addFlashAttribute("flash", open ? "accountOpening.opened" : "accountOpening.rejected");
        return "redirect:/";
    }

    @Override
    public void contribute(CaseView caseView, Model model) {
        if (AccountOpeningService.PROCESS_KEY.equals(caseView.processKey())) {
            service.forCase(caseView.id()).ifPresent(a -> model.addAttribute("accountOpening", a));
        }
    }
}
