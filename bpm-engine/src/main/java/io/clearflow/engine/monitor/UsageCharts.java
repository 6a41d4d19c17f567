package io.clearflow.engine.monitor;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.identity.OrgDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * ECharts options for the usage statistics (drawn by {@code /js/charts.js}): per process or per
 * department, either volume (starts and completions) or duration (mean and p90, in hours), this
 * month beside last month. Labels in the reader's language.
 */
@Component
class UsageCharts {

    static final List<String> BY = List.of("process", "department");
    static final List<String> MEASURES = List.of("volume", "duration");
    private static final double HOUR = 3_600_000d;

    private final MessageSource messages;
    private final OrgDirectory directory;

    UsageCharts(MessageSource messages, OrgDirectory directory) {
        this.messages = messages;
        this.directory = directory;
    }

    Map<String, Object> option(UsageStatistics.Report report, String by, String measure, Locale locale) {
        if (!BY.contains(by)) {
            throw new InvalidRequestException("monitor.refused.grouping", Map.of("by", "monitor.refused.groupingField"));
        }
        if (!MEASURES.contains(measure)) {
            throw new InvalidRequestException("monitor.refused.measure", Map.of("measure", "monitor.refused.measureField"));
        }
        List<UsageStatistics.Row> rows = by.equals("process") ? report.byProcess() : report.byDepartment();
        Map<String, String> units = directory.unitNames();
        List<String> categories = rows.stream().map(r -> by.equals("process") ? r.name()
                : UsageStatistics.NO_DEPARTMENT.equals(r.key()) ? msg("monitor.noDepartment", locale)
                : units.getOrDefault(r.key(), r.key())).toList();
        String now = report.month().toString();
        String before = report.previousMonth().toString();
        List<Map<String, Object>> series = new ArrayList<>();
        if (measure.equals("volume")) {
            series.add(bar(msg("monitor.stats.starts", locale) + " " + now, rows, r -> r.current().starts()));
            series.add(bar(msg("monitor.stats.starts", locale) + " " + before, rows, r -> r.previous().starts()));
            series.add(bar(msg("monitor.stats.completions", locale) + " " + now, rows, r -> r.current().completions()));
            series.add(bar(msg("monitor.stats.completions", locale) + " " + before, rows, r -> r.previous().completions()));
        } else {
            series.add(bar(msg("monitor.stats.mean", locale) + " " + now, rows, r -> hours(r.current().meanMs())));
            series.add(bar(msg("monitor.stats.mean", locale) + " " + before, rows, r -> hours(r.previous().meanMs())));
            series.add(bar(msg("monitor.stats.p90", locale) + " " + now, rows, r -> hours(r.current().p90Ms())));
            series.add(bar(msg("monitor.stats.p90", locale) + " " + before, rows, r -> hours(r.previous().p90Ms())));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", msg("monitor.chart." + by + "." + measure, locale), "left", "center",
                "textStyle", Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 28, "data", series.stream().map(s -> s.get("name")).toList()));
        option.put("grid", Map.of("top", 84, "left", 50, "right", 20, "bottom", 40, "containLabel", true));
        option.put("xAxis", Map.of("type", "category", "data", categories, "axisLabel", Map.of("interval", 0)));
        option.put("yAxis", Map.of("type", "value", "name",
                msg(measure.equals("volume") ? "monitor.chart.instances" : "monitor.chart.hours", locale)));
        option.put("series", series);
        return option;
    }

    private static Map<String, Object> bar(String name, List<UsageStatistics.Row> rows,
                                           Function<UsageStatistics.Row, Object> value) {
        return Map.of("name", name, "type", "bar", "data", rows.stream().map(value).toList());
    }

    private static Object hours(Long millis) {
        return millis == null ? 0 : Math.round(millis / HOUR * 100) / 100d;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
