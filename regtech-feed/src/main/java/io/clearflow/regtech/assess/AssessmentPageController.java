package io.clearflow.regtech.assess;

import io.clearflow.engine.api.Flash;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.engine.work.CaseDetailContributor;
import io.clearflow.engine.work.CaseView;
import io.clearflow.regtech.item.ItemService;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Assessment pages: the list with overdue ones highlighted, and the forms on the item page. */
@Controller
class AssessmentPageController implements CaseDetailContributor {

    private final AssessmentService assessments;
    private final ItemService items;
    private final CurrentUser currentUser;

    AssessmentPageController(AssessmentService assessments, ItemService items, CurrentUser currentUser) {
        this.assessments = assessments;
        this.items = items;
        this.currentUser = currentUser;
    }

    @GetMapping("/regtech/assessments")
    String list(Model model) {
        var me = currentUser.get();
        var views = assessments.list(me);
        model.addAttribute("views", views);
        model.addAttribute("titles", views.stream().collect(java.util.stream.Collectors.toMap(
                v -> v.assessment().id(), v -> items.item(v.assessment().itemId()).title(), (a, b) -> a)));
        return "regtech/assessments";
    }

    @PostMapping("/regtech/items/{itemId}/triage")
    String triage(@PathVariable long itemId, @RequestParam(required = false) Boolean relevant, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) List<String> departments,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
                  RedirectAttributes redirect) {
        return Flash.act(redirect, "/regtech/items/" + itemId, "regtech.assess.triaged", () -> assessments.triage(
                currentUser.get(), itemId, new TriageInput(relevant, reason, departments, deadline)));
    }

    @PostMapping("/regtech/assessments/{id}/impact")
    String impact(@PathVariable long id, @RequestParam(required = false) String processes, @RequestParam(required = false) String systems,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
                  @RequestParam(required = false) String risk, RedirectAttributes redirect) {
        long itemId = assessments.get(id).itemId();
        return Flash.act(redirect, "/regtech/items/" + itemId, "regtech.assess.assessed", () -> assessments.assess(
                currentUser.get(), id, new ImpactInput(processes, systems, deadline, risk)));
    }

    @PostMapping("/regtech/assessments/{id}/decision")
    String decide(@PathVariable long id, @RequestParam(required = false) String decision, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String demandTitle, @RequestParam(required = false) String scenarioName,
                  @RequestParam(required = false) String scenarioDepartment, @RequestParam(required = false) String scenarioCategory,
                  RedirectAttributes redirect) {
        long itemId = assessments.get(id).itemId();
        return Flash.act(redirect, "/regtech/items/" + itemId, "regtech.assess.decided", () -> assessments.decide(
                currentUser.get(), id, new DecisionInput(decision, reason, demandTitle, scenarioName, scenarioDepartment,
                        scenarioCategory)));
    }

    /** The generic case and task pages show the item behind a regtechAssessment case, with a link to act on it. */
    @Override
    public void contribute(CaseView caseView, Model model) {
        if (AssessmentService.PROCESS_KEY.equals(caseView.processKey())) {
            assessments.forCase(caseView.id()).ifPresent(a -> {
                model.addAttribute("regtechAssessment", a);
                model.addAttribute("regtechItemTitle", items.item(a.itemId()).title());
            });
        }
    }
}
