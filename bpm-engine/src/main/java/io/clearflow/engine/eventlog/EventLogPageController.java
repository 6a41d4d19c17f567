package io.clearflow.engine.eventlog;

import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.security.CurrentUser;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The event-log page: filters, paging and the XES export of the same slice. */
@Controller
class EventLogPageController {

    static final int PAGE_SIZE = 50;
    static final java.util.List<String> LIFECYCLES = java.util.List.of(PlatformEvent.Lifecycle.START,
            PlatformEvent.Lifecycle.SCHEDULE, PlatformEvent.Lifecycle.ASSIGN, PlatformEvent.Lifecycle.UNASSIGN,
            PlatformEvent.Lifecycle.COMPLETE, PlatformEvent.Lifecycle.CANCEL, PlatformEvent.Lifecycle.FAIL,
            PlatformEvent.Lifecycle.SEND_BACK, PlatformEvent.Lifecycle.WITHDRAW, PlatformEvent.Lifecycle.DELEGATE);

    private final EventLogService service;
    private final CurrentUser currentUser;
    private final OrgDirectory directory;
    private final io.clearflow.engine.web.TimeFormat times;

    EventLogPageController(EventLogService service, CurrentUser currentUser, OrgDirectory directory,
                           io.clearflow.engine.web.TimeFormat times) {
        this.times = times;
        this.service = service;
        this.currentUser = currentUser;
        this.directory = directory;
    }

    @GetMapping("/events")
    String events(@RequestParam(required = false) String caseId, @RequestParam(required = false) String processKey,
                  @RequestParam(required = false) String department, @RequestParam(required = false) String lifecycle,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fromDate,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate toDate,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        ZoneId zone = times.zone(); // dates in the filter mean days where the users are
        var filter = new EventLogFilter(blank(caseId), blank(processKey), blank(department), null, null, blank(lifecycle),
                null, fromDate == null ? null : fromDate.atStartOfDay(zone).toInstant(),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay(zone).toInstant());
        var result = service.find(currentUser.get(), filter, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("pages", (result.totalElements() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("departments", directory.units(OrgUnit.Type.DEPARTMENT));
        model.addAttribute("lifecycles", LIFECYCLES);
        return "events";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
