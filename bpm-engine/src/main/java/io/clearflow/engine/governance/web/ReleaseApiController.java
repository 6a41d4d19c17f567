package io.clearflow.engine.governance.web;

import io.clearflow.engine.governance.catalog.ReleaseService;
import io.clearflow.engine.governance.catalog.ScenarioReads;
import io.clearflow.engine.governance.catalog.Version;
import io.clearflow.engine.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Step 4 on REST: publishing a scenario's design, migrating running instances, the published versions. */
@RestController
@RequestMapping("/api/governance")
@Tag(name = "Governance", description = "Process-governance catalog (five-step method). Manage: PROCESS_OWNER (own "
        + "department), ADMIN; read: COMPLIANCE, IT_MANAGER; feedback: anyone who may see the case")
class ReleaseApiController {

    record PublishRequest(String runningInstances) { }

    private final ReleaseService releases;
    private final ScenarioReads reads;
    private final CurrentUser currentUser;

    ReleaseApiController(ReleaseService releases, ScenarioReads reads, CurrentUser currentUser) {
        this.releases = releases;
        this.reads = reads;
        this.currentUser = currentUser;
    }

    @PostMapping("/scenarios/{id}/publication")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish the current design as the scenario's one active process (step 4)",
            description = "runningInstances: continue (instances of older versions finish there) or migrate (moved with "
                    + "Flowable's process migration where its validation allows; the outcome is returned)")
    ReleaseService.Publication publish(@PathVariable String id, @RequestBody PublishRequest body) {
        return releases.publish(currentUser.get(), id, body.runningInstances());
    }

    @PostMapping("/scenarios/{id}/migration")
    @Operation(summary = "Move running instances of older versions to the active version")
    List<ReleaseService.MigrationOutcome> migrate(@PathVariable String id) {
        return releases.migrateRunning(currentUser.get(), id);
    }

    @GetMapping("/scenarios/{id}/versions")
    @Operation(summary = "Published versions, newest first, each with what changed against the one before")
    List<Version> versions(@PathVariable String id) {
        return reads.versions(currentUser.get(), id);
    }
}
