package io.clearflow.delivery.project.staff;

import io.clearflow.engine.api.Idempotent;
import io.clearflow.engine.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The HR resource pool over REST under {@code /api/delivery/staff}; each handler is one service call. */
@RestController
@PreAuthorize(StaffAccess.POOL)
class StaffController {

    record Created(long id, String state) { }

    record Detail(Staff staff, List<StaffItemRepository.Item> items, List<EffortRepository.Effort> efforts,
                  List<AllocationRepository.Allocated> allocations) { }

    record OffboardIn(List<String> systems, LocalDate leftOn) { }

    record EffortIn(@NotNull Long projectId, String period, BigDecimal hours) { }

    record PeriodIn(String period) { }

    private final StaffService service;
    private final CurrentUser currentUser;

    StaffController(StaffService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
    }

    @Idempotent
    @PostMapping("/api/delivery/staff")
    ResponseEntity<Created> onboard(@RequestBody StaffService.NewStaff in) {
        Staff s = service.onboard(currentUser.get(), in);
        return ResponseEntity.created(URI.create("/api/delivery/staff/" + s.id())).body(new Created(s.id(), s.state()));
    }

    @GetMapping("/api/delivery/staff")
    List<Staff> all() {
        return service.all();
    }

    @GetMapping("/api/delivery/staff/{id}")
    Detail detail(@PathVariable long id) {
        return detailOf(id);
    }

    @Idempotent
    @PostMapping("/api/delivery/staff/{id}/items/{itemId}/done")
    Detail itemDone(@PathVariable long id, @PathVariable long itemId) {
        service.itemDone(currentUser.get(), id, itemId);
        return detailOf(id);
    }

    @Idempotent
    @PostMapping("/api/delivery/staff/{id}/onboarded")
    Detail onboarded(@PathVariable long id) {
        service.onboarded(currentUser.get(), id);
        return detailOf(id);
    }

    @Idempotent
    @PostMapping("/api/delivery/staff/{id}/offboarding")
    Detail offboard(@PathVariable long id, @RequestBody OffboardIn in) {
        service.offboard(currentUser.get(), id, in.systems(), in.leftOn());
        return detailOf(id);
    }

    @Idempotent
    @PostMapping("/api/delivery/staff/{id}/left")
    Detail left(@PathVariable long id) {
        service.left(currentUser.get(), id);
        return detailOf(id);
    }

    @Idempotent
    @PostMapping("/api/delivery/staff/{id}/efforts")
    Detail effort(@PathVariable long id, @Valid @RequestBody EffortIn in) {
        service.effort(currentUser.get(), id, in.projectId(), in.period(), in.hours());
        return detailOf(id);
    }

    @Idempotent
    @PostMapping("/api/delivery/staff/{id}/allocations")
    StaffService.Allocation allocate(@PathVariable long id, @RequestBody PeriodIn in) {
        return service.allocate(currentUser.get(), id, in.period());
    }

    private Detail detailOf(long id) {
        return new Detail(service.person(id), service.items(id), service.efforts(id), service.allocations(id));
    }
}
