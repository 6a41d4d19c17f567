package io.clearflow.demand.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.demand.api.DemandState;
import io.clearflow.demand.lifecycle.DemandAccess;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.security.CurrentUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The per-department statistics page with its charts. */
@Controller
class StatisticsController {

    private final DemandStatistics statistics;
    private final CurrentUser currentUser;
    private final OrgDirectory directory;
    private final MessageSource messages;
    private final ObjectMapper json;

    StatisticsController(DemandStatistics statistics, CurrentUser currentUser, OrgDirectory directory,
                         MessageSource messages, ObjectMapper json) {
        this.statistics = statistics;
        this.currentUser = currentUser;
        this.directory = directory;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/demand/stats")
    String page(@RequestParam(required = false) String department, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, Model model) throws JsonProcessingException {
        Member me = currentUser.get();
        DemandStatistics.Figures f = statistics.figures(me, department, from, to);
        model.addAttribute("figures", f);
        List<DemandStatistics.DepartmentFigures> rows = new ArrayList<>(f.departments());
        rows.add(f.all());
        model.addAttribute("rows", rows);
        model.addAttribute("states", DemandState.values());
        model.addAttribute("departments", DemandAccess.seesAllDepartments(me)
                ? directory.units(OrgUnit.Type.DEPARTMENT) : List.of());
        model.addAttribute("trendOption", json.writeValueAsString(trendOption(f)));
        model.addAttribute("workloadOption", json.writeValueAsString(workloadOption(f)));
        return "demand/stats";
    }

    private Map<String, Object> trendOption(DemandStatistics.Figures f) {
        List<String> months = f.trend().stream().map(DemandStatistics.MonthFigures::month).toList();
        String submitted = label("demand.stats.submitted");
        String closed = label("demand.stats.closed");
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("data", List.of(submitted, closed)));
        option.put("xAxis", Map.of("type", "category", "data", months));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        option.put("series", List.of(
                Map.of("name", submitted, "type", "line", "data", f.trend().stream().map(DemandStatistics.MonthFigures::submitted).toList()),
                Map.of("name", closed, "type", "line", "data", f.trend().stream().map(DemandStatistics.MonthFigures::closed).toList())));
        return option;
    }

    private Map<String, Object> workloadOption(DemandStatistics.Figures f) {
        Map<String, String> names = directory.unitNames();
        List<String> departments = f.departments().stream().map(d -> names.getOrDefault(d.department(), d.department())).toList();
        String estimated = label("demand.stats.estimated");
        String actual = label("demand.stats.actual");
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("data", List.of(estimated, actual)));
        option.put("xAxis", Map.of("type", "category", "data", departments));
        option.put("yAxis", Map.of("type", "value"));
        option.put("series", List.of(
                Map.of("name", estimated, "type", "bar", "data", f.departments().stream().map(d -> d.estimatedDays()).toList()),
                Map.of("name", actual, "type", "bar", "data", f.departments().stream().map(d -> d.actualDays()).toList())));
        return option;
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

}
