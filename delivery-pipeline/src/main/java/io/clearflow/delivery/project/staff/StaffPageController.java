package io.clearflow.delivery.project.staff;

import io.clearflow.delivery.DeliveryFlash;
import io.clearflow.delivery.project.ProjectQueries;
import io.clearflow.delivery.system.SystemCatalog;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.security.CurrentUser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 人力资源池 pages: the pool with the onboarding form, and a person's page with checklists, effort and allocation. */
@Controller
@PreAuthorize(StaffAccess.POOL)
class StaffPageController {

    private final StaffService service;
    private final ProjectQueries projects;
    private final SystemCatalog systems;
    private final OrgDirectory directory;
    private final CurrentUser currentUser;

    StaffPageController(StaffService service, ProjectQueries projects, SystemCatalog systems, OrgDirectory directory,
                        CurrentUser currentUser) {
        this.service = service;
        this.projects = projects;
        this.systems = systems;
        this.directory = directory;
        this.currentUser = currentUser;
    }

    @GetMapping("/delivery/staff")
    String pool(Model model) {
        model.addAttribute("people", service.all());
        model.addAttribute("departments", directory.units(OrgUnit.Type.DEPARTMENT));
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of());
            model.addAttribute("errors", Map.of());
        }
        return "delivery/staff-pool";
    }

    /** The onboarding form: refused input comes back with the values typed and each error by its field. */
    @PostMapping("/delivery/staff")
    String onboard(@RequestParam Map<String, String> form, Model model) {
        Map<String, String> errors = new HashMap<>();
        try {
            BigDecimal cost = decimal(form.get("monthlyCost"), "monthlyCost");
            Staff s = service.onboard(currentUser.get(), new StaffService.NewStaff(form.get("name"), form.get("kind"),
                    form.get("vendor"), form.get("department"), cost));
            return "redirect:/delivery/staff/" + s.id();
        } catch (InvalidRequestException e) {
            errors.putAll(e.fieldErrors());
        }
        Map<String, String> values = new HashMap<>(form);
        values.remove("_csrf");
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return pool(model);
    }

    @GetMapping("/delivery/staff/{id}")
    String person(@PathVariable long id, Model model) {
        model.addAttribute("s", service.person(id));
        model.addAttribute("items", service.items(id));
        model.addAttribute("efforts", service.efforts(id));
        model.addAttribute("allocations", service.allocations(id));
        model.addAttribute("projects", projects.list(currentUser.get(), null, null, null));
        model.addAttribute("systems", systems.systems());
        return "delivery/staff";
    }

    @PostMapping("/delivery/staff/{id}/items/{itemId}/done")
    String itemDone(@PathVariable long id, @PathVariable long itemId, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            service.itemDone(currentUser.get(), id, itemId);
            return id;
        });
    }

    @PostMapping("/delivery/staff/{id}/onboarded")
    String onboarded(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.onboarded(currentUser.get(), id));
    }

    @PostMapping("/delivery/staff/{id}/offboarding")
    String offboard(@PathVariable long id, @RequestParam(required = false) List<String> systems,
                    @RequestParam(required = false) String leftOn, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.offboard(currentUser.get(), id, systems, date(leftOn)));
    }

    @PostMapping("/delivery/staff/{id}/left")
    String left(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.left(currentUser.get(), id));
    }

    @PostMapping("/delivery/staff/{id}/efforts")
    String effort(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            String project = form.get("projectId");
            Long projectId;
            try {
                projectId = project == null || project.isBlank() ? null : Long.parseLong(project.strip());
            } catch (NumberFormatException e) {
                projectId = -1L;
            }
            service.effort(currentUser.get(), id, projectId, form.get("period"), decimal(form.get("hours"), "hours"));
            return id;
        });
    }

    @PostMapping("/delivery/staff/{id}/allocations")
    String allocate(@PathVariable long id, @RequestParam(required = false) String period, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.allocate(currentUser.get(), id, period));
    }

    private static String act(long id, RedirectAttributes redirect, Supplier<?> action) {
        return DeliveryFlash.act(redirect, "/delivery/staff/" + id, "delivery.project.saved", action);
    }

    private static BigDecimal decimal(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("delivery.project.error.amount", Map.of(field, "delivery.project.error.amount"));
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("delivery.project.error.date", Map.of("leftOn", "delivery.project.error.date"));
        }
    }
}
