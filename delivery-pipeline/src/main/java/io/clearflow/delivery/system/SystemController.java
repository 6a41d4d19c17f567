package io.clearflow.delivery.system;

import io.clearflow.delivery.DeliveryAccess;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/delivery/systems}: the catalog with owner departments and environments. */
@RestController
class SystemController {

    private final SystemCatalog catalog;

    SystemController(SystemCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/delivery/systems")
    @PreAuthorize(DeliveryAccess.READ)
    List<SystemCatalog.SystemView> systems() {
        return catalog.overview();
    }
}
