package io.clearflow.delivery.change;

import io.clearflow.delivery.DeliveryAccess;
import io.clearflow.engine.api.Idempotent;
import io.clearflow.engine.security.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Change requests (变更单) over REST; each handler is one service call. */
@RestController
class ChangeController {

    /** Comment or reason; the service checks it, so a missing reason gets the same message everywhere. */
    record Note(String comment, String reason) { }

    record Created(long id, String key, String state) { }

    record Deploying(long deploymentId) { }

    private final ChangeService service;
    private final CurrentUser currentUser;

    ChangeController(ChangeService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
    }

    @PostMapping("/api/delivery/changes")
    @Idempotent
    @PreAuthorize(DeliveryAccess.RAISE_CHANGE)
    ResponseEntity<Created> raise(@Valid @RequestBody NewChange request) {
        Change change = service.raise(currentUser.get(), request);
        return ResponseEntity.created(URI.create("/api/delivery/changes/" + change.id()))
                .body(new Created(change.id(), change.key(), change.state().name()));
    }

    @GetMapping("/api/delivery/changes")
    @PreAuthorize(DeliveryAccess.READ)
    List<Change> latest(@RequestParam(defaultValue = "100") int limit) {
        return service.latest(limit);
    }

    @GetMapping("/api/delivery/changes/{id}")
    @PreAuthorize(DeliveryAccess.READ)
    ChangeService.Detail detail(@PathVariable long id) {
        return service.detail(currentUser.get(), id);
    }

    @PostMapping("/api/delivery/changes/{id}/approve")
    @Idempotent
    @PreAuthorize(DeliveryAccess.DECIDE)
    Change approve(@PathVariable long id, @RequestBody(required = false) Note note) {
        return service.approve(currentUser.get(), id, note == null ? null : note.comment());
    }

    @PostMapping("/api/delivery/changes/{id}/reject")
    @Idempotent
    @PreAuthorize(DeliveryAccess.DECIDE)
    Change reject(@PathVariable long id, @RequestBody(required = false) Note note) {
        return service.reject(currentUser.get(), id, note == null ? null : note.reason() != null ? note.reason() : note.comment());
    }

    @PostMapping("/api/delivery/changes/{id}/deploy")
    @Idempotent
    @PreAuthorize(DeliveryAccess.DEPLOY)
    ResponseEntity<Deploying> deploy(@PathVariable long id) {
        return ResponseEntity.accepted().body(new Deploying(service.deploy(currentUser.get(), id)));
    }

    @PostMapping("/api/delivery/changes/{id}/close")
    @Idempotent
    @PreAuthorize(DeliveryAccess.DEPLOY)
    Change close(@PathVariable long id, @RequestBody(required = false) Note note) {
        return service.close(currentUser.get(), id, note == null ? null : note.comment());
    }
}
