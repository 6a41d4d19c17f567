package io.clearflow.delivery.change;

import io.clearflow.delivery.DeliveryAccess;
import io.clearflow.engine.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The audit export of one change: a single self-contained HTML document (styles inline, print-ready), in the
 * reader's language, downloaded as a file.
 */
@Controller
class ChangeAuditController {

    private final ChangeAudit audit;
    private final CurrentUser currentUser;

    ChangeAuditController(ChangeAudit audit, CurrentUser currentUser) {
        this.audit = audit;
        this.currentUser = currentUser;
    }

    @GetMapping(path = "/api/delivery/changes/{id}/audit", produces = "text/html")
    @PreAuthorize(DeliveryAccess.READ)
    String export(@PathVariable long id, Model model, HttpServletResponse response) {
        ChangeAudit.Report report = audit.report(currentUser.get(), id);
        model.addAttribute("report", report);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + report.change().key() + "-audit.html\"");
        return "delivery/change-audit";
    }
}
