package io.clearflow.engine.reference.selfservice;

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

/** The self-service pages: my declarations (live status) and the declaration form. */
@Controller
class DeclarationPageController implements CaseDetailContributor {

    private final DeclarationService declarations;
    private final DeclarationRules rules;
    private final FormViews forms;
    private final CurrentUser currentUser;

    DeclarationPageController(DeclarationService declarations, DeclarationRules rules, FormViews forms,
                              CurrentUser currentUser) {
        this.declarations = declarations;
        this.rules = rules;
        this.forms = forms;
        this.currentUser = currentUser;
    }

    @GetMapping("/selfservice")
    String mine(Model model) {
        var me = currentUser.get();
        model.addAttribute("declarations", declarations.visibleTo(me, 0, 100));
        model.addAttribute("canDeclare", me.hasRole(io.clearflow.engine.api.PlatformRole.PARTICIPANT));
        return "reference/selfservice/mine";
    }

    @GetMapping("/selfservice/new")
    String form(Model model) {
        return formPage(model, Map.of(), Map.of());
    }

    @PostMapping("/selfservice/declarations")
    String submit(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        Map<String, String> values = params.toSingleValueMap();
        try {
            Declaration d = declarations.submit(currentUser.get(), values);
            redirect.addFlashAttribute("flash", d.status() == Declaration.Status.AUTO_APPROVED
                    ? "modes.declaration.autoApproved" : "modes.declaration.inReview");
            return "redirect:/selfservice";
        } catch (InvalidRequestException e) {
            return formPage(model, values, e.fieldErrors());
        }
    }

    private String formPage(Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("form", forms.of(DeclarationForms.DECLARATION));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("securities", rules.securities());
        model.addAttribute("limit", rules.autoApproveLimit());
        return "reference/selfservice/new";
    }

    @Override
    public void contribute(CaseView caseView, Model model) {
        if (DeclarationService.PROCESS_KEY.equals(caseView.processKey())) {
            model.addAttribute("declaration", declarations.forCase(caseView.id()));
        }
    }
}
