package io.clearflow.demand.jira;

import io.clearflow.engine.api.ConflictException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Jira webhook")
class JiraSyncController {

    private final JiraSync sync;

    JiraSyncController(JiraSync sync) {
        this.sync = sync;
    }

    @PostMapping("/api/integrations/jira/sync")
    @PreAuthorize("hasAnyRole('IT_MANAGER','ADMIN')")
    @Operation(summary = "Run the reconciliation now: retry pending issue creations, then read every issue back")
    JiraSync.Reconciliation reconcile() {
        if (!sync.enabled()) {
            throw new ConflictException("demand.jira.error.notConfigured");
        }
        sync.retryDue();
        return sync.reconcile();
    }
}
