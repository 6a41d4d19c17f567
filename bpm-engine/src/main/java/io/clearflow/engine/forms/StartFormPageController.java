package io.clearflow.engine.forms;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.engine.work.CaseView;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 发起流程: the start page of a catalog process, rendered from its start event's form. */
@Controller
class StartFormPageController {

    private final StartForms startForms;
    private final FormViews views;
    private final CurrentUser currentUser;

    StartFormPageController(StartForms startForms, FormViews views, CurrentUser currentUser) {
        this.startForms = startForms;
        this.views = views;
        this.currentUser = currentUser;
    }

    @GetMapping("/start/{processKey}")
    String page(@PathVariable String processKey, Model model) {
        StartForms.StartForm start = startForms.forProcess(currentUser.get(), processKey);
        model.addAttribute("start", start);
        model.addAttribute("startForm", views.of(start.form()));
        if (!model.containsAttribute("formValues")) {
            model.addAttribute("formValues", Map.of());
            model.addAttribute("formErrors", Map.of());
        }
        return "forms/start";
    }

    @PostMapping("/start/{processKey}")
    String submit(@PathVariable String processKey, @RequestParam MultiValueMap<String, String> params,
                  RedirectAttributes redirect) {
        Map<String, String> values = params.toSingleValueMap();
        try {
            CaseView started = startForms.start(currentUser.get(), processKey, values);
            redirect.addFlashAttribute("flash", "start.started");
            return "redirect:/cases/" + started.id();
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("formErrors", e.fieldErrors());
            redirect.addFlashAttribute("formValues", values);
            redirect.addFlashAttribute("flashError", "modes.form.invalid");
            return "redirect:/start/" + processKey;
        }
    }
}
