package io.clearflow.engine.governance.web;

import io.clearflow.engine.governance.catalog.BpmnFile;
import io.clearflow.engine.governance.catalog.CatalogService;
import io.clearflow.engine.governance.catalog.FormService;
import io.clearflow.engine.security.CurrentUser;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Step 3 on the scenario's page: uploading, validating and adopting models, the diagram, form definitions. */
@Controller
class DesignPageController {

    private final CatalogService catalog;
    private final FormService forms;
    private final ScenarioPageModel pages;
    private final CurrentUser currentUser;
    private final GovernanceFlash flash;

    DesignPageController(CatalogService catalog, FormService forms, ScenarioPageModel pages, CurrentUser currentUser,
                         GovernanceFlash flash) {
        this.catalog = catalog;
        this.forms = forms;
        this.pages = pages;
        this.currentUser = currentUser;
        this.flash = flash;
    }

    @PostMapping("/governance/scenarios/{id}/design")
    String upload(@PathVariable String id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        BpmnFile bpmn = BpmnFile.of(file);
        return flash.upload(redirect, id, () -> catalog.upload(currentUser.get(), id, bpmn));
    }

    @PostMapping("/governance/scenarios/{id}/validation")
    String revalidate(@PathVariable String id, RedirectAttributes redirect) {
        return flash.act(redirect, id, "gov.flash.validated", () -> catalog.revalidate(currentUser.get(), id));
    }

    @PostMapping("/governance/scenarios/{id}/drafts/{designId}/adoption")
    String adopt(@PathVariable String id, @PathVariable long designId, RedirectAttributes redirect) {
        return flash.act(redirect, id, "gov.flash.adopted", () -> catalog.adopt(currentUser.get(), id, designId));
    }

    @GetMapping(value = "/governance/scenarios/{id}/diagram.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> diagram(@PathVariable String id) {
        return pages.diagram(currentUser.get(), id);
    }

    @PostMapping("/governance/scenarios/{id}/forms")
    String saveForm(@PathVariable String id, @RequestParam String activityId, @RequestParam String definition,
                    RedirectAttributes redirect) {
        return flash.saveForm(redirect, id, activityId, definition,
                () -> forms.save(currentUser.get(), id, activityId, definition));
    }
}
