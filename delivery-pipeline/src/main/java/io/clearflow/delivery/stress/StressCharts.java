package io.clearflow.delivery.stress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.delivery.stress.results.LoadSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The ECharts options of a stress test's page, as JSON: each result over time, and p95 per function code. */
@Component
class StressCharts {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int CHART_LABELS = 20;

    private final MessageSource messages;
    private final ObjectMapper json = new ObjectMapper();

    StressCharts(MessageSource messages) {
        this.messages = messages;
    }

    /** One chart (id, title, option) per result that has a timeline. */
    List<Map<String, Object>> timeCharts(List<StressResult> results, Locale locale) throws JsonProcessingException {
        List<Map<String, Object>> charts = new ArrayList<>();
        for (StressResult r : results) {
            if (!r.timeline().isEmpty()) {
                charts.add(Map.of("id", "stress-chart-" + r.id(), "title", r.fileName(),
                        "option", json.writeValueAsString(timeChart(r, locale))));
            }
        }
        return charts;
    }

    /** p95 per function code of the capacity run, beside the previous accepted report's for the same codes. */
    String labelChart(StressResult now, Optional<StressResult> before, Optional<StressTest> previous, Locale locale)
            throws JsonProcessingException {
        List<LoadSummary.LabelFigures> labels = now.labels().stream().limit(CHART_LABELS).toList();
        Map<String, Double> old = new HashMap<>();
        before.ifPresent(b -> b.labels().forEach(l -> old.put(l.label(), l.p95Ms())));
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(Map.of("type", "bar", "name", msg("delivery.stress.compare.current", locale),
                "data", labels.stream().map(l -> l.p95Ms() == null ? 0 : l.p95Ms()).toList()));
        if (before.isPresent()) {
            series.add(Map.of("type", "bar", "name", messages.getMessage("delivery.stress.compare.previous",
                            new Object[] {previous.map(StressTest::key).orElse("")}, locale),
                    "data", labels.stream().map(l -> old.getOrDefault(l.label(), 0.0)).toList()));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of());
        option.put("xAxis", Map.of("type", "category", "data", labels.stream().map(LoadSummary.LabelFigures::label).toList()));
        option.put("yAxis", Map.of("type", "value", "name", msg("delivery.stress.field.p95", locale)));
        option.put("series", series);
        return json.writeValueAsString(option);
    }

    /** Throughput (samples per second of the bucket) and mean latency over the run, two axes. */
    private Map<String, Object> timeChart(StressResult r, Locale locale) {
        List<String> x = new ArrayList<>();
        List<Double> rate = new ArrayList<>();
        List<Double> latency = new ArrayList<>();
        List<Long> failures = new ArrayList<>();
        int width = Math.max(1, r.bucketSeconds());
        for (LoadSummary.Bucket b : r.timeline()) {
            x.add(CLOCK.format(Instant.ofEpochMilli(b.startMs()).atZone(ZoneId.systemDefault())));
            rate.add(round((double) b.samples() / width));
            latency.add(round(b.meanMs()));
            failures.add(b.failed());
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of());
        option.put("xAxis", Map.of("type", "category", "data", x));
        option.put("yAxis", List.of(Map.of("type", "value", "name", msg("delivery.stress.chart.throughput", locale)),
                Map.of("type", "value", "name", msg("delivery.stress.chart.latency", locale))));
        option.put("series", List.of(
                Map.of("type", "line", "name", msg("delivery.stress.chart.throughput", locale), "data", rate, "showSymbol", false),
                Map.of("type", "line", "name", msg("delivery.stress.chart.latency", locale), "yAxisIndex", 1, "data", latency,
                        "showSymbol", false),
                Map.of("type", "bar", "name", msg("delivery.stress.chart.errors", locale), "data", failures)));
        return option;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
