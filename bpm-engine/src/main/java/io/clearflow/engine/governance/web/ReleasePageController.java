package io.clearflow.engine.governance.web;

import io.clearflow.engine.governance.catalog.ReleaseService;
import io.clearflow.engine.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Step 4 on the scenario's page: publishing the design and moving running instances to the active version. */
@Controller
class ReleasePageController {

    private final ReleaseService releases;
    private final CurrentUser currentUser;
    private final GovernanceFlash flash;

    ReleasePageController(ReleaseService releases, CurrentUser currentUser, GovernanceFlash flash) {
        this.releases = releases;
        this.currentUser = currentUser;
        this.flash = flash;
    }

    @PostMapping("/governance/scenarios/{id}/publication")
    String publish(@PathVariable String id, @RequestParam(required = false) String runningInstances,
                   RedirectAttributes redirect) {
        return flash.act(redirect, id, "gov.flash.published", () -> {
            var publication = releases.publish(currentUser.get(), id, runningInstances);
            return GovernanceFlash.keepMigrationProblems(redirect, publication, publication.migrations());
        });
    }

    @PostMapping("/governance/scenarios/{id}/migration")
    String migrate(@PathVariable String id, RedirectAttributes redirect) {
        return flash.act(redirect, id, "gov.flash.migrated", () -> {
            var outcomes = releases.migrateRunning(currentUser.get(), id);
            return GovernanceFlash.keepMigrationProblems(redirect, outcomes, outcomes);
        });
    }
}
