package io.clearflow.delivery.cockpit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * ECharts options of the cockpit page, as JSON for {@code data-chart-option} (the platform's chart convention:
 * {@code /js/charts.js} draws them; the content security policy allows no inline script).
 */
@Component
class CockpitCharts {

    private final MessageSource messages;
    private final ObjectMapper json = new ObjectMapper();

    CockpitCharts(MessageSource messages) {
        this.messages = messages;
    }

    /** Chart id → option JSON, in page order. */
    Map<String, String> options(Cockpit c, Locale locale) {
        Map<String, String> charts = new LinkedHashMap<>();
        List<String> stageLabels = new ArrayList<>();
        List<Long> stageCounts = new ArrayList<>();
        c.projectsByStage().forEach((stage, n) -> {
            stageLabels.add(stage(stage, locale));
            stageCounts.add(n);
        });
        charts.put("chart-stages", write(bars(stageLabels, List.of(series(msg("delivery.cockpit.measure.projects", locale), stageCounts)))));

        List<String> departments = c.budget().byDepartment().stream().map(Cockpit.BudgetLine::name).toList();
        charts.put("chart-budget", write(bars(departments, List.of(
                series(msg("delivery.cockpit.measure.budget", locale), c.budget().byDepartment().stream().map(Cockpit.BudgetLine::budget).toList()),
                series(msg("delivery.cockpit.measure.actual", locale), c.budget().byDepartment().stream().map(Cockpit.BudgetLine::actual).toList())))));

        List<String> handoffs = c.handoffs().stream().map(h -> msg("delivery.cockpit.handoff." + h.key(), locale)).toList();
        charts.put("chart-handoffs", write(bars(handoffs, List.of(
                series(msg("delivery.cockpit.measure.medianHours", locale), c.handoffs().stream().map(Cockpit.Handoff::medianHours).toList()),
                series(msg("delivery.cockpit.measure.p85Hours", locale), c.handoffs().stream().map(Cockpit.Handoff::p85Hours).toList())))));

        List<String> stages = c.stageLeadTimes().stream().map(s -> stage(s.stage(), locale)).toList();
        charts.put("chart-stage-lead", write(bars(stages, List.of(
                series(msg("delivery.cockpit.measure.medianDays", locale), c.stageLeadTimes().stream().map(Cockpit.StageLeadTime::medianDays).toList()),
                series(msg("delivery.cockpit.measure.p85Days", locale), c.stageLeadTimes().stream().map(Cockpit.StageLeadTime::p85Days).toList())))));

        List<String> chains = c.completeness().stream().map(ch -> msg("delivery.cockpit.chain." + ch.key(), locale)).toList();
        charts.put("chart-completeness", write(bars(chains, List.of(series(msg("delivery.cockpit.measure.sharePercent", locale),
                c.completeness().stream().map(ch -> ch.share() == null ? null : Math.round(ch.share() * 1000) / 10.0).toList())))));
        return charts;
    }

    private static Map<String, Object> bars(List<String> categories, List<Map<String, Object>> series) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of());
        option.put("grid", Map.of("containLabel", true, "left", 8, "right", 8, "bottom", 8));
        option.put("xAxis", Map.of("type", "category", "data", categories, "axisLabel", Map.of("interval", 0, "rotate", 20)));
        option.put("yAxis", Map.of("type", "value"));
        option.put("series", series);
        return option;
    }

    private static Map<String, Object> series(String name, List<?> data) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", "bar");
        s.put("data", data);
        return s;
    }

    private String write(Map<String, Object> option) {
        try {
            return json.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String stage(String code, Locale locale) {
        return messages.getMessage("delivery.cockpit.stage." + code, null, code, locale);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
