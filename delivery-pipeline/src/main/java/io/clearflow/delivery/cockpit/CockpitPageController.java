package io.clearflow.delivery.cockpit;

import io.clearflow.delivery.system.SystemCatalog;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.security.CurrentUser;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 数字化驾驶舱 and 年度回顾 pages: the same figures as the API, with the filter form (departments and systems by name),
 * charts, tables, the chains' incomplete records, and links to the CSV and the Word review. Bad filter values end on
 * the platform's 400 page (PageExceptionAdvice), like the API's problem detail.
 */
@Controller
class CockpitPageController {

    private final CockpitService service;
    private final CockpitFilters filters;
    private final CockpitCharts charts;
    private final YearReviewService reviews;
    private final SystemCatalog systems;
    private final OrgDirectory directory;
    private final CurrentUser currentUser;
    private final Clock clock;

    CockpitPageController(CockpitService service, CockpitFilters filters, CockpitCharts charts, YearReviewService reviews,
                          SystemCatalog systems, OrgDirectory directory, CurrentUser currentUser, Clock clock) {
        this.service = service;
        this.filters = filters;
        this.charts = charts;
        this.reviews = reviews;
        this.systems = systems;
        this.directory = directory;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping("/delivery/cockpit")
    @PreAuthorize(CockpitAccess.READ)
    String cockpit(@RequestParam(required = false) String department, @RequestParam(required = false) String system,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   Locale locale, Model model) {
        Member member = currentUser.get();
        Cockpit cockpit = service.cockpit(member, filters.parse(department, system, from, to));
        model.addAttribute("c", cockpit);
        model.addAttribute("charts", charts.options(cockpit, locale));
        model.addAttribute("seesAll", CockpitAccess.seesAllDepartments(member));
        model.addAttribute("departments", departments());
        model.addAttribute("systems", systems.systems());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("department", cockpit.department() == null ? "" : cockpit.department());
        query.put("system", cockpit.system() == null ? "" : cockpit.system());
        query.put("from", cockpit.from() == null ? "" : cockpit.from().toString());
        query.put("to", cockpit.to() == null ? "" : cockpit.to().toString());
        model.addAttribute("q", query);
        model.addAttribute("year", clock.instant().atOffset(ZoneOffset.UTC).getYear());
        return "delivery/cockpit";
    }

    @GetMapping("/delivery/year-review")
    @PreAuthorize(CockpitAccess.READ)
    String review(@RequestParam(required = false) String department, @RequestParam(required = false) String year,
                  Model model) {
        Member member = currentUser.get();
        int y = year == null || year.isBlank() ? clock.instant().atOffset(ZoneOffset.UTC).getYear() : filters.year(year);
        model.addAttribute("r", reviews.review(member, filters.parse(department, null, null, null).department(), y));
        model.addAttribute("seesAll", CockpitAccess.seesAllDepartments(member));
        model.addAttribute("departments", departments());
        return "delivery/year-review";
    }

    private List<OrgUnit> departments() {
        return directory.units(OrgUnit.Type.DEPARTMENT);
    }
}
