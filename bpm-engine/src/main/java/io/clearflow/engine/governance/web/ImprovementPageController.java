package io.clearflow.engine.governance.web;

import io.clearflow.engine.governance.catalog.ImprovementService;
import io.clearflow.engine.security.CurrentUser;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Step 5 on the pages: improvement actions on the scenario's page, and feedback from a task's page. */
@Controller
class ImprovementPageController {

    private final ImprovementService improvements;
    private final CurrentUser currentUser;
    private final GovernanceFlash flash;

    ImprovementPageController(ImprovementService improvements, CurrentUser currentUser, GovernanceFlash flash) {
        this.improvements = improvements;
        this.currentUser = currentUser;
        this.flash = flash;
    }

    @PostMapping("/governance/scenarios/{id}/improvements")
    String addImprovement(@PathVariable String id, @RequestParam(required = false) String title,
                          @RequestParam(required = false) String description,
                          @RequestParam(required = false) String metricRef,
                          @RequestParam(required = false) List<Long> feedbackIds, RedirectAttributes redirect) {
        return flash.act(redirect, id, "gov.flash.improvementAdded",
                () -> improvements.addAction(currentUser.get(), id, title, description, metricRef, feedbackIds));
    }

    @PostMapping("/governance/improvements/{actionId}/status")
    String improvementStatus(@PathVariable long actionId, @RequestParam String status, RedirectAttributes redirect) {
        return flash.act(redirect, improvements.action(actionId).scenarioId(), "gov.flash.improvementUpdated",
                () -> improvements.setStatus(currentUser.get(), actionId, status));
    }

    /** Feedback from the task page's box; back to the task afterwards. */
    @PostMapping("/governance/feedback")
    String feedback(@RequestParam String caseId, @RequestParam(required = false) String taskId,
                    @RequestParam(required = false) String taskName, @RequestParam(required = false) Integer rating,
                    @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return flash.feedback(redirect, caseId, taskId,
                () -> improvements.give(currentUser.get(), caseId, taskName, rating, comment));
    }
}
