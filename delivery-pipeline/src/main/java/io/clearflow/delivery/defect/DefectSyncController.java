package io.clearflow.delivery.defect;

import io.clearflow.delivery.DeliveryAccess;
import io.clearflow.engine.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/delivery/versions/{id}/defects/sync}: a version's Jira defects into test metrics. */
@RestController
class DefectSyncController {

    private final DefectSync sync;
    private final CurrentUser currentUser;

    DefectSyncController(DefectSync sync, CurrentUser currentUser) {
        this.sync = sync;
        this.currentUser = currentUser;
    }

    /** 200 with what was read; Jira not configured → 409; Jira down → 502 problem detail, nothing written. */
    @PostMapping("/api/delivery/versions/{id}/defects/sync")
    @PreAuthorize(DeliveryAccess.SYNC_DEFECTS)
    DefectSync.Outcome sync(@PathVariable long id) {
        return sync.sync(currentUser.get(), id);
    }
}
