package io.clearflow.demand.lifecycle;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Flash;
import io.clearflow.engine.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's page of {@link DemandConsistency}: the demands whose process does not wait at their
 * state's step, by number, title and step names, each with a repair that must be confirmed (it moves a
 * live process). The service checks the role; others get the 403 page.
 */
@Controller
class DemandRepairPageController {

    private final DemandConsistency consistency;
    private final CurrentUser currentUser;

    DemandRepairPageController(DemandConsistency consistency, CurrentUser currentUser) {
        this.consistency = consistency;
        this.currentUser = currentUser;
    }

    @GetMapping("/demand/repair")
    String page(Model model) {
        model.addAttribute("stranded", consistency.check(currentUser.get()));
        return "demand/repair";
    }

    @PostMapping("/demand/repair/{id}")
    String repair(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
        if (!confirm) {
            redirect.addFlashAttribute("flashError", "demand.repair.confirmRequired");
            return "redirect:/demand/repair";
        }
        try {
            consistency.repair(currentUser.get(), id);
            redirect.addFlashAttribute("flash", "demand.repair.done");
        } catch (ConflictException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/demand/repair";
    }
}
