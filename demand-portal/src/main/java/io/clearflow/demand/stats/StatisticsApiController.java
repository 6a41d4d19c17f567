package io.clearflow.demand.stats;

import io.clearflow.demand.api.DemandState;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Per-department statistics as JSON and as a CSV export. */
@RestController
@Tag(name = "Demand statistics", description = "Counts, lead time, workload, on-time and first-time acceptance per department")
class StatisticsApiController {

    private final DemandStatistics statistics;
    private final CurrentUser currentUser;
    private final OrgDirectory directory;

    StatisticsApiController(DemandStatistics statistics, CurrentUser currentUser, OrgDirectory directory) {
        this.statistics = statistics;
        this.currentUser = currentUser;
        this.directory = directory;
    }

    @GetMapping(value = "/api/demands/stats", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Figures per business department (IT management sees all, others their own department)")
    DemandStatistics.Figures figures(@RequestParam(required = false) String department,
                                     @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return statistics.figures(currentUser.get(), department, from, to);
    }

    @GetMapping(value = "/api/demands/stats.csv")
    @Operation(summary = "The same figures as CSV (UTF-8 with BOM, for spreadsheets)")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String department,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        DemandStatistics.Figures f = statistics.figures(currentUser.get(), department, from, to);
        Map<String, String> names = directory.unitNames();
        StringBuilder out = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>(List.of("department_id", "department", "total"));
        for (DemandState s : DemandState.values()) {
            header.add(s.name().toLowerCase(Locale.ROOT));
        }
        header.addAll(List.of("lead_mean_days", "lead_p90_days", "estimated_days", "actual_days", "on_time_rate",
                "first_time_acceptance_rate"));
        out.append(String.join(",", header)).append("\r\n");
        List<DemandStatistics.DepartmentFigures> rows = new ArrayList<>(f.departments());
        rows.add(f.all());
        for (DemandStatistics.DepartmentFigures d : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(cell(d.department() == null ? "ALL" : d.department()));
            cells.add(cell(d.department() == null ? "ALL" : names.getOrDefault(d.department(), d.department())));
            cells.add(String.valueOf(d.total()));
            for (DemandState s : DemandState.values()) {
                cells.add(String.valueOf(d.counts().get(s)));
            }
            cells.add(number(d.leadMeanDays()));
            cells.add(number(d.leadP90Days()));
            cells.add(d.estimatedDays().toPlainString());
            cells.add(d.actualDays().toPlainString());
            cells.add(number(d.onTimeRate()));
            cells.add(number(d.firstTimeAcceptanceRate()));
            out.append(String.join(",", cells)).append("\r\n");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"demand-statistics.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String number(Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** Quoted, and neutralised when a spreadsheet would read it as a formula. */
    private static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
