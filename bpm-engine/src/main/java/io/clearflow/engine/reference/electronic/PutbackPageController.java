package io.clearflow.engine.reference.electronic;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.forms.FormViews;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.engine.work.CaseDetailContributor;
import io.clearflow.engine.work.CaseView;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The registration form (rendered from its definition) and the registration on case and task pages. */
@Controller
class PutbackPageController implements CaseDetailContributor {

    private final PutbackService putbacks;
    private final FormViews forms;
    private final CurrentUser currentUser;
    private final io.clearflow.engine.work.WorkService work;

    PutbackPageController(PutbackService putbacks, FormViews forms, CurrentUser currentUser,
                          io.clearflow.engine.work.WorkService work) {
        this.work = work;
        this.putbacks = putbacks;
        this.forms = forms;
        this.currentUser = currentUser;
    }

    @GetMapping("/putback/new")
    String form(Model model) {
        // issuers and 登记托管部 only; others get 403 here rather than after filling the form
        if (work.startable(currentUser.get()).stream().noneMatch(d -> PutbackService.PROCESS_KEY.equals(d.getKey()))) {
            throw new org.springframework.security.access.AccessDeniedException("only issuers and 登记托管部 start a registration");
        }
        model.addAttribute("form", forms.of(PutbackForms.REGISTRATION));
        model.addAttribute("values", Map.of());
        model.addAttribute("errors", Map.of());
        return "reference/electronic/new";
    }

    @PostMapping("/putback")
    String submit(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        Map<String, String> values = params.toSingleValueMap();
        try {
            PutbackRegistration registration = putbacks.submit(currentUser.get(), values);
            redirect.addFlashAttribute("flash", "modes.putback.submitted");
            return "redirect:/cases/" + registration.caseId();
        } catch (InvalidRequestException e) {
            model.addAttribute("form", forms.of(PutbackForms.REGISTRATION));
            model.addAttribute("values", values);
            model.addAttribute("errors", e.fieldErrors());
            return "reference/electronic/new";
        }
    }

    @Override
    public void contribute(CaseView caseView, Model model) {
        if (PutbackService.PROCESS_KEY.equals(caseView.processKey())) {
            PutbackRegistration registration = putbacks.forCase(caseView.id());
            model.addAttribute("putback", registration);
            model.addAttribute("putbackReviews", putbacks.reviews(registration.id()));
        }
    }
}
