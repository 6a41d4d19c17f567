package io.clearflow.delivery.audit;

import io.clearflow.delivery.ArtifactTooLargeException;
import io.clearflow.delivery.DeliveryAccess;
import io.clearflow.delivery.People;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Flash;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.security.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Audit pages: the list with a new-audit form, an audit (packages, review units, changed files, findings with
 * their disposition and the suppress form, uploads, completion, the report) and the code view of one file
 * (the diff with findings inline). Each action is one service call; refusals come back as the next page's message.
 */
@Controller
@PreAuthorize(DeliveryAccess.READ)
class AuditPageController {

    private final AuditService audits;
    private final ReviewerService reviewers;
    private final FunctionNetworkService networks;
    private final CurrentUser currentUser;
    private final People people;
    private final KnowledgeBaseService knowledge;

    AuditPageController(AuditService audits, ReviewerService reviewers, FunctionNetworkService networks,
                        CurrentUser currentUser, People people, KnowledgeBaseService knowledge) {
        this.knowledge = knowledge;
        this.audits = audits;
        this.reviewers = reviewers;
        this.networks = networks;
        this.currentUser = currentUser;
        this.people = people;
    }

    @GetMapping("/delivery/audits")
    String list(Model model) {
        model.addAttribute("audits", audits.latest());
        model.addAttribute("canAudit", has("DEVELOPER", "QC", "IT_MANAGER", "ADMIN"));
        return "delivery/audits";
    }

    @PostMapping("/delivery/audits")
    @PreAuthorize(AuditAccess.AUDIT)
    String create(@RequestParam(required = false) String versionId, RedirectAttributes redirect) {
        long version;
        try {
            version = Long.parseLong(versionId == null ? "" : versionId.strip());
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("flashError", "delivery.audit.error.unknownVersion");
            return "redirect:/delivery/audits";
        }
        try {
            return "redirect:/delivery/audits/" + audits.create(version, currentUser.get());
        } catch (InvalidRequestException e) {
            Flash.error(redirect, e);
            return "redirect:/delivery/audits";
        }
    }

    @GetMapping("/delivery/audits/{id}")
    String audit(@PathVariable long id, Model model) {
        Audit audit = audits.audit(id);
        model.addAttribute("audit", audit);
        model.addAttribute("createdBy", people.name(audit.createdBy()));
        model.addAttribute("completedBy", audit.completedBy() == null ? null : people.name(audit.completedBy()));
        List<AuditPackage> packages = audits.packages(id);
        model.addAttribute("packages", packages);
        Map<Long, List<ReviewUnits.Unit>> units = packages.stream().collect(Collectors.toMap(AuditPackage::id, audits::units));
        model.addAttribute("units", units);
        model.addAttribute("changes", packages.stream().collect(Collectors.toMap(AuditPackage::id,
                p -> audits.changedFiles(p.id()))));
        List<Finding> findings = audits.findings(id);
        model.addAttribute("findings", findings);
        model.addAttribute("blocking", findings.stream().filter(Finding::blocking).count());
        model.addAttribute("open", Audit.OPEN.equals(audit.state()));
        model.addAttribute("canAudit", has("DEVELOPER", "QC", "IT_MANAGER", "ADMIN"));
        model.addAttribute("canComplete", has("QC", "IT_MANAGER", "ADMIN"));
        model.addAttribute("recommendations", reviewers.recommend(id));
        model.addAttribute("assigned", reviewers.assigned(id));
        model.addAttribute("knowledge", knowledge.ofSystem(audit.system()));
        model.addAttribute("areas", reviewers.areas(audit.system()));
        return "delivery/audit";
    }

    /** A system's function network: its figures, the most central functions, and one node's neighbourhood. */
    @GetMapping("/delivery/function-networks/{system}")
    String network(@PathVariable String system, @RequestParam(required = false) String node, Model model) {
        FunctionNetwork.Metrics metrics = networks.metrics(system);
        model.addAttribute("system", system);
        model.addAttribute("metrics", metrics);
        FunctionNetwork network = networks.network(system);
        if (node != null && network.contains(node)) {
            model.addAttribute("node", node);
            model.addAttribute("nodeMetrics", metrics.all().get(node));
            model.addAttribute("around", network.neighbourhood(node, 1));
            model.addAttribute("reach", network.reach(List.of(node)));
        }
        return "delivery/function-network";
    }

    @GetMapping("/delivery/audits/{id}/packages/{packageId}/code")
    String code(@PathVariable long id, @PathVariable long packageId, @RequestParam String path, Model model) {
        Audit audit = audits.audit(id);
        model.addAttribute("audit", audit);
        model.addAttribute("knowledge", knowledge.ofSystem(audit.system()));
        model.addAttribute("pkg", audits.auditPackage(id, packageId));
        model.addAttribute("view", audits.codeView(id, packageId, path));
        model.addAttribute("canAudit", has("DEVELOPER", "QC", "IT_MANAGER", "ADMIN"));
        return "delivery/audit-code";
    }

    @PostMapping("/delivery/audits/{id}/packages/{packageId}/annotations")
    @PreAuthorize(AuditAccess.AUDIT)
    String annotate(@PathVariable long id, @PathVariable long packageId, @RequestParam(required = false) String path,
                    @RequestParam(required = false) String line, @RequestParam(required = false) String text,
                    @RequestParam(required = false) String kbEntryId, RedirectAttributes redirect) {
        try {
            int number = Integer.parseInt(line == null ? "" : line.strip());
            if (text == null || text.isBlank() || text.length() > 4000) {
                throw new InvalidRequestException("delivery.audit.field.note");
            }
            Long reference = null;
            if (kbEntryId != null && !kbEntryId.isBlank()) {
                try {
                    reference = Long.parseLong(kbEntryId.strip());
                } catch (NumberFormatException e) {
                    throw new InvalidRequestException("delivery.audit.kb.error.unknown");
                }
            }
            audits.annotate(id, packageId, path, number, text, reference, currentUser.get());
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("flashError", "delivery.audit.error.line");
        } catch (InvalidRequestException e) {
            Flash.error(redirect, e);
        }
        redirect.addAttribute("path", path);
        return "redirect:/delivery/audits/" + id + "/packages/" + packageId + "/code";
    }

    @PostMapping("/delivery/audits/{id}/packages")
    @PreAuthorize(AuditAccess.UPLOAD)
    String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(required = false) String label, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("flashError", "delivery.audit.error.file");
            return "redirect:/delivery/audits/" + id;
        }
        try (InputStream in = file.getInputStream()) {
            audits.upload(id, label == null || label.isBlank() ? file.getOriginalFilename() : label, in, currentUser.get());
        } catch (InvalidRequestException | ConflictException e) {
            Flash.error(redirect, e);
        } catch (ArtifactTooLargeException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            redirect.addFlashAttribute("flashErrorArgs", new Object[] {e.limitBytes()});
        }
        return "redirect:/delivery/audits/" + id;
    }

    @PostMapping("/delivery/audits/{id}/findings")
    @PreAuthorize(AuditAccess.UPLOAD)
    String findings(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
                    RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("flashError", "delivery.audit.error.file");
            return "redirect:/delivery/audits/" + id;
        }
        try (InputStream in = file.getInputStream()) {
            audits.importFindings(id, in);
        } catch (InvalidRequestException | ConflictException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/delivery/audits/" + id;
    }

    @PostMapping("/delivery/audits/{id}/findings/{findingId}/suppress")
    @PreAuthorize(AuditAccess.AUDIT)
    String suppress(@PathVariable long id, @PathVariable long findingId, @RequestParam(required = false) String reason,
                    @RequestParam(required = false) boolean wholeRule, RedirectAttributes redirect) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            redirect.addFlashAttribute("flashError", "delivery.audit.field.reason");
            return "redirect:/delivery/audits/" + id;
        }
        try {
            audits.suppress(id, findingId, wholeRule, reason, currentUser.get());
        } catch (InvalidRequestException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/delivery/audits/" + id;
    }

    @PostMapping("/delivery/audits/{id}/complete")
    @PreAuthorize(AuditAccess.COMPLETE)
    String complete(@PathVariable long id, @RequestParam(required = false) String opinion, RedirectAttributes redirect) {
        try {
            audits.complete(id, opinion == null || opinion.length() <= 4000 ? opinion : opinion.substring(0, 4000),
                    currentUser.get());
        } catch (ConflictException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/delivery/audits/" + id;
    }

    private static boolean has(String... roles) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return false;
        }
        for (var granted : auth.getAuthorities()) {
            for (String role : roles) {
                if (granted.getAuthority().equals("ROLE_" + role)) {
                    return true;
                }
            }
        }
        return false;
    }
}
