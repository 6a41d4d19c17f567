package io.clearflow.testmetrics.dora;

import io.clearflow.testmetrics.TestMetricsAccess;
import io.clearflow.testmetrics.api.DoraReport;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** {@code GET /api/test-metrics/dora/{system}?days=90} and the DORA page {@code /test-metrics/dora}. */
@Controller
@PreAuthorize(TestMetricsAccess.READ)
class DoraController {

    private final DeliveryEventsAdapter events;

    DoraController(DeliveryEventsAdapter events) {
        this.events = events;
    }

    @GetMapping("/api/test-metrics/dora/{system}")
    @ResponseBody
    DoraReport dora(@PathVariable String system, @RequestParam(defaultValue = "90") int days) {
        return events.dora(system, Instant.now(), days);
    }

    @GetMapping("/test-metrics/dora")
    String page(@RequestParam(required = false) String system, @RequestParam(defaultValue = "90") int days, Model model) {
        List<String> systems = events.systems();
        String chosen = system != null ? system : systems.isEmpty() ? null : systems.get(0);
        model.addAttribute("systems", systems);
        model.addAttribute("system", chosen);
        model.addAttribute("days", days);
        model.addAttribute("report", chosen == null ? null : events.dora(chosen, Instant.now(), days));
        return "testmetrics/dora";
    }
}
