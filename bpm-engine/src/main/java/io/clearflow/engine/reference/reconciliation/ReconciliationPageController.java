package io.clearflow.engine.reference.reconciliation;

import io.clearflow.engine.security.CurrentUser;
import io.clearflow.engine.work.CaseDetailContributor;
import io.clearflow.engine.work.CaseView;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages: the confirmation panel on a reconciliation task (document image next to the extracted fields, mismatches
 * and low-confidence values highlighted, every field editable), the page image, and the list with correction counts.
 */
@Controller
class ReconciliationPageController implements CaseDetailContributor {

    static final String FIELD_PREFIX = "field.";

    private final ReconciliationConfirmationService service;
    private final CurrentUser currentUser;

    ReconciliationPageController(ReconciliationConfirmationService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
    }

    @Override
    public void contribute(CaseView caseView, Model model) {
        if (ReconciliationConfirmationService.PROCESS_KEY.equals(caseView.processKey())) {
            service.forCase(caseView.id()).ifPresent(d -> model.addAttribute("reconciliation", d));
        }
    }

    @GetMapping("/reconciliation")
    String list(Model model) {
        var me = currentUser.get();
        model.addAttribute("documents", service.recent(me, 100));
        model.addAttribute("stats", service.stats(me));
        return "reference/reconciliation/list";
    }

    @GetMapping("/reconciliation/documents/{id}/image")
    ResponseEntity<byte[]> image(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(service.image(currentUser.get(), id));
    }

    @PostMapping("/reconciliation/tasks/{taskId}/confirm")
    String confirm(@PathVariable String taskId, @RequestParam Map<String, String> form,
                   @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith(FIELD_PREFIX)) {
                values.put(k.substring(FIELD_PREFIX.length()), v);
            }
        });
        int corrections = service.confirm(currentUser.get(), taskId, values, comment);
        redirect.addFlashAttribute("flash", corrections == 0 ? "recon.confirmed" : "recon.corrected");
        return "redirect:/reconciliation";
    }
}
