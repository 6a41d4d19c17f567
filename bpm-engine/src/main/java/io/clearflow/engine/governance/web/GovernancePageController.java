package io.clearflow.engine.governance.web;

import io.clearflow.engine.governance.catalog.BpmnFile;
import io.clearflow.engine.governance.catalog.CatalogService;
import io.clearflow.engine.governance.catalog.GovernanceAccess;
import io.clearflow.engine.governance.catalog.ModelValidation;
import io.clearflow.engine.governance.catalog.ScenarioInput;
import io.clearflow.engine.governance.catalog.Vocabulary;
import io.clearflow.engine.security.CurrentUser;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalog's pages for steps 1 and 2: the scenario list, registration, one page per scenario with
 * its five steps, suitability and classification; and the validator page. Design, release and
 * improvement actions have their own controllers.
 */
@Controller
class GovernancePageController {

    private final CatalogService catalog;
    private final GovernanceAccess access;
    private final ModelValidation validation;
    private final ScenarioPageModel pages;
    private final CurrentUser currentUser;
    private final GovernanceFlash flash;

    GovernancePageController(CatalogService catalog, GovernanceAccess access, ModelValidation validation,
                             ScenarioPageModel pages, CurrentUser currentUser, GovernanceFlash flash) {
        this.catalog = catalog;
        this.access = access;
        this.validation = validation;
        this.pages = pages;
        this.currentUser = currentUser;
        this.flash = flash;
    }

    @GetMapping("/governance")
    String list(Model model) {
        pages.list(model, currentUser.get());
        return "governance/list";
    }

    @GetMapping("/governance/new")
    String newScenario(Model model) {
        pages.newScenario(model, currentUser.get());
        return "governance/new";
    }

    @PostMapping("/governance/scenarios")
    String register(@RequestParam(required = false) String name, @RequestParam(required = false) String description,
                    @RequestParam(required = false) String sourceType, @RequestParam(required = false) String sourceReference,
                    @RequestParam(required = false) String ownerDepartment,
                    @RequestParam(required = false) String businessCategory,
                    @RequestParam(required = false) List<String> characteristics, Model model) {
        return pages.register(model, currentUser.get(), new ScenarioInput(name, description, sourceType, sourceReference,
                ownerDepartment, businessCategory, characteristics));
    }

    @GetMapping("/governance/scenarios/{id}")
    String scenario(@PathVariable String id, Model model) {
        pages.scenario(model, currentUser.get(), id);
        return "governance/scenario";
    }

    @PostMapping("/governance/scenarios/{id}/suitability")
    String suitability(@PathVariable String id, @RequestParam boolean suitable,
                       @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return flash.act(redirect, id, suitable ? "gov.flash.suitable" : "gov.flash.notSuitable",
                () -> catalog.setSuitability(currentUser.get(), id, suitable, reason));
    }

    @PostMapping("/governance/scenarios/{id}/classification")
    String classify(@PathVariable String id, @RequestParam(required = false) String mode,
                    @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return flash.act(redirect, id, "gov.flash.classified",
                () -> catalog.classify(currentUser.get(), id, mode, reason));
    }

    @GetMapping("/governance/validate")
    String validatePage(Model model) {
        access.requireValidate(currentUser.get());
        model.addAttribute("modes", Vocabulary.MODES);
        return "governance/validate";
    }

    @PostMapping("/governance/validate")
    String validate(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String mode, Model model)
            throws IOException {
        model.addAttribute("report", validation.report(currentUser.get(), BpmnFile.of(file), mode));
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("modes", Vocabulary.MODES);
        return "governance/validate";
    }
}
