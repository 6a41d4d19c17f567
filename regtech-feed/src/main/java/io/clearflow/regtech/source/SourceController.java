package io.clearflow.regtech.source;

import io.clearflow.engine.api.Idempotent;
import io.clearflow.engine.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Regulatory sources over REST; changes need an administrator. */
@RestController
@RequestMapping("/api/regtech/sources")
@Tag(name = "Regtech sources", description = "Regulators' feeds and list pages, their selectors and polling health")
class SourceController {

    private final SourceService sources;
    private final CurrentUser currentUser;

    SourceController(SourceService sources, CurrentUser currentUser) {
        this.sources = sources;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(summary = "Every source with its health (last success, last error, consecutive failures, items per poll)")
    List<Source> list() {
        currentUser.get();
        return sources.list();
    }

    @GetMapping("/{id}")
    Source get(@PathVariable long id) {
        currentUser.get();
        return sources.get(id);
    }

    @Idempotent
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a source (kind feed, html with selectors, or json); administrators only")
    Map<String, Long> create(@RequestBody SourceInput input) {
        return Map.of("id", sources.create(currentUser.get(), input));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit a source; its conditional-GET validators are reset")
    Source update(@PathVariable long id, @RequestBody SourceInput input) {
        return sources.update(currentUser.get(), id, input);
    }

    record Enabled(Boolean enabled) { }

    @PostMapping("/{id}/enabled")
    @Operation(summary = "Enable or disable polling of a source")
    Source enable(@PathVariable long id, @RequestBody Enabled body) {
        return sources.setEnabled(currentUser.get(), id, Boolean.TRUE.equals(body.enabled()));
    }
}
