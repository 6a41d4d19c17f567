package io.clearflow.delivery.defect;

import io.clearflow.delivery.DeliveryAccess;
import io.clearflow.demand.api.JiraDefects;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Flash;
import io.clearflow.engine.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The version page's "sync defects" button: back to the version with what happened. */
@Controller
class DefectSyncPageController {

    private final DefectSync sync;
    private final CurrentUser currentUser;

    DefectSyncPageController(DefectSync sync, CurrentUser currentUser) {
        this.sync = sync;
        this.currentUser = currentUser;
    }

    @PostMapping("/delivery/versions/{id}/defects/sync")
    @PreAuthorize(DeliveryAccess.SYNC_DEFECTS)
    String sync(@PathVariable long id, RedirectAttributes redirect) {
        try {
            sync.sync(currentUser.get(), id); // the counts are in the timeline entry it records
            redirect.addFlashAttribute("flash", "delivery.defects.synced");
        } catch (ConflictException e) {
            Flash.error(redirect, e);
        } catch (JiraDefects.Unavailable e) {
            redirect.addFlashAttribute("flashError", "delivery.defects.jiraDown");
        }
        return "redirect:/delivery/versions/" + id;
    }
}
