package io.clearflow.delivery.version;

import io.clearflow.delivery.DeliveryAccess;
import io.clearflow.engine.api.Idempotent;
import io.clearflow.engine.security.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Versions over HTTP: create, list (by system, paged), detail with demands, artifacts, deployments and timeline. */
@RestController
class VersionController {

    private final VersionService versions;
    private final VersionQueries queries;
    private final CurrentUser currentUser;

    VersionController(VersionService versions, VersionQueries queries, CurrentUser currentUser) {
        this.versions = versions;
        this.queries = queries;
        this.currentUser = currentUser;
    }

    @PostMapping("/api/delivery/versions")
    @Idempotent
    @PreAuthorize(DeliveryAccess.DEVELOP)
    ResponseEntity<Map<String, Long>> create(@Valid @RequestBody NewVersion input) {
        long id = versions.create(currentUser.get(), input);
        return ResponseEntity.created(URI.create("/api/delivery/versions/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/api/delivery/versions")
    @PreAuthorize(DeliveryAccess.READ)
    VersionQueries.Page list(@RequestParam(required = false) String system, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "20") int size) {
        return queries.list(system, page, size);
    }

    @GetMapping("/api/delivery/versions/{id}")
    @PreAuthorize(DeliveryAccess.READ)
    VersionQueries.Detail detail(@PathVariable long id) {
        return queries.detail(id);
    }
}
