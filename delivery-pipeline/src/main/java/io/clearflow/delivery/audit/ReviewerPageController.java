package io.clearflow.delivery.audit;

import io.clearflow.delivery.UnprocessableException;
import io.clearflow.engine.api.Flash;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.identity.OrgDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page forms that were API-only: who reviews which business area of the audit's system (the rule-based
 * recommendation), and the function network's CSV import. A refusal comes back next to its field with what was typed.
 */
@Controller
class ReviewerPageController {

    private final ReviewerRepository reviewers;
    private final AuditService audits;
    private final FunctionNetworkService networks;
    private final OrgDirectory directory;

    ReviewerPageController(ReviewerRepository reviewers, AuditService audits, FunctionNetworkService networks,
                           OrgDirectory directory) {
        this.reviewers = reviewers;
        this.audits = audits;
        this.networks = networks;
        this.directory = directory;
    }

    @PostMapping("/delivery/audits/{id}/reviewers")
    @PreAuthorize(AuditAccess.COMPLETE)
    String addReviewer(@PathVariable long id, @RequestParam(required = false) String area,
                       @RequestParam(required = false) String userId, RedirectAttributes redirect) {
        Audit audit = audits.audit(id);
        Map<String, String> typed = new HashMap<>();
        typed.put("area", area);
        typed.put("userId", userId);
        try {
            String a = area == null ? "" : area.strip();
            String u = userId == null ? "" : userId.strip();
            Map<String, String> errors = new HashMap<>();
            if (a.isEmpty() || a.length() > 300) {
                errors.put("area", "delivery.audit.reviewers.error.area");
            }
            if (u.isEmpty() || u.length() > 64 || directory.member(u).isEmpty()) {
                errors.put("userId", "delivery.audit.error.unknownUser");
            }
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors.values().iterator().next(), errors);
            }
            reviewers.add(audit.system(), a, u);
            redirect.addFlashAttribute("flash", "delivery.audit.reviewers.added");
        } catch (InvalidRequestException e) {
            Flash.refused(redirect, e, typed);
        }
        return "redirect:/delivery/audits/" + id;
    }

    @PostMapping("/delivery/function-networks/{system}")
    @PreAuthorize(AuditAccess.AUDIT)
    String importNetwork(@PathVariable String system, @RequestPart(name = "file", required = false) MultipartFile file,
                         RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidRequestException("delivery.audit.error.file", Map.of("file", "delivery.audit.error.file"));
            }
            Map<String, Object> imported;
            try (InputStream in = file.getInputStream()) {
                imported = networks.importCsv(system, in);
            }
            redirect.addFlashAttribute("flash", "delivery.audit.network.imported");
            redirect.addFlashAttribute("imported", imported);
        } catch (UnprocessableException e) {
            Flash.error(redirect, e);
        } catch (InvalidRequestException e) {
            // the reader's refusals name no field: shown beside the file input all the same
            Flash.refused(redirect, e.fieldErrors().isEmpty()
                    ? new InvalidRequestException(e.getMessage(), Map.of("file", e.getMessage())) : e,
                    Map.of("file", file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename()));
        }
        return "redirect:/delivery/function-networks/" + system;
    }
}
