package io.clearflow.delivery.audit;

import io.clearflow.engine.api.Flash;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.security.CurrentUser;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The audit page's knowledge-base form: refusals come back as the page's message with the input kept. */
@Controller
class KnowledgeBasePageController {

    private final KnowledgeBaseService knowledge;
    private final AuditService audits;
    private final CurrentUser currentUser;

    KnowledgeBasePageController(KnowledgeBaseService knowledge, AuditService audits, CurrentUser currentUser) {
        this.knowledge = knowledge;
        this.audits = audits;
        this.currentUser = currentUser;
    }

    @PostMapping("/delivery/audits/{id}/knowledge")
    @PreAuthorize(AuditAccess.AUDIT)
    String addFromPage(@PathVariable long id, @RequestParam(required = false) String title,
                       @RequestParam(required = false) String kind, @RequestParam(required = false) String url,
                       @RequestPart(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        try {
            KnowledgeBaseController.store(knowledge, currentUser.get(), audits.audit(id).system(), title, kind, url, file);
            redirect.addFlashAttribute("flash", "delivery.audit.kb.added");
        } catch (InvalidRequestException e) {
            Flash.error(redirect, e);
            redirect.addFlashAttribute("kbValues", Map.of("title", title == null ? "" : title, "kind", kind == null ? "" : kind,
                    "url", url == null ? "" : url));
        }
        return "redirect:/delivery/audits/" + id;
    }

}
