package io.clearflow.mining.web;

import io.clearflow.mining.metrics.MetricsReport;
import io.clearflow.mining.metrics.MonthOverMonth;
import io.clearflow.mining.spectrum.SpectrumReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** ECharts options (as data, for /js/charts.js) of the metric system's month-over-month charts. */
final class MiningCharts {

    private static final double HOUR = 3_600_000.0;

    private MiningCharts() {
    }

    /** Cases per month (bars) and mean handling duration in hours (line, right axis). */
    static Map<String, Object> process(MetricsReport metrics, Function<String, String> label) {
        List<String> months = new ArrayList<>();
        List<Object> cases = new ArrayList<>();
        List<Object> hours = new ArrayList<>();
        for (MonthOverMonth.Month m : metrics.process().months()) {
            months.add(m.month());
            cases.add(m.values().get("cases"));
            Double ms = m.values().get("meanDurationMs");
            hours.add(ms == null ? null : round(ms / HOUR));
        }
        Map<String, Object> option = base(label.apply("mining.chart.process"), months);
        option.put("yAxis", List.of(Map.of("type", "value", "name", label.apply("mining.chart.cases")),
                Map.of("type", "value", "name", label.apply("mining.chart.hours"))));
        option.put("series", List.of(
                Map.of("type", "bar", "name", label.apply("mining.chart.cases"), "data", cases),
                Map.of("type", "line", "name", label.apply("mining.chart.meanDuration"), "yAxisIndex", 1, "data", hours)));
        return option;
    }

    /** Mean waiting time (hours) per month of the five activities with the most instances. */
    static Map<String, Object> taskWaiting(MetricsReport metrics, Function<String, String> label) {
        List<MetricsReport.TaskMetrics> top = metrics.tasks().stream()
                .sorted(Comparator.comparingLong(MetricsReport.TaskMetrics::instances).reversed()).limit(5).toList();
        TreeSet<String> monthSet = new TreeSet<>();
        top.forEach(t -> t.months().forEach(m -> monthSet.add(m.month())));
        List<String> months = new ArrayList<>(monthSet);
        List<Object> series = new ArrayList<>();
        for (MetricsReport.TaskMetrics task : top) {
            Map<String, Double> byMonth = new LinkedHashMap<>();
            task.months().forEach(m -> byMonth.put(m.month(), m.values().get("meanWaitingMs")));
            List<Object> data = new ArrayList<>();
            for (String month : months) {
                Double ms = byMonth.get(month);
                data.add(ms == null ? null : round(ms / HOUR));
            }
            series.add(Map.of("type", "line", "name", task.activity(), "connectNulls", true, "data", data));
        }
        Map<String, Object> option = base(label.apply("mining.chart.waiting"), months);
        option.put("yAxis", Map.of("type", "value", "name", label.apply("mining.chart.hours")));
        option.put("series", series);
        return option;
    }

    /** Steps handled by the ten busiest people. */
    static Map<String, Object> resources(MetricsReport metrics, Function<String, String> label) {
        List<MetricsReport.ResourceMetrics> top = metrics.resources().stream()
                .sorted(Comparator.comparingLong(MetricsReport.ResourceMetrics::steps).reversed()).limit(10).toList();
        Map<String, Object> option = base(label.apply("mining.chart.resources"),
                top.stream().map(MetricsReport.ResourceMetrics::resource).toList());
        option.put("yAxis", Map.of("type", "value"));
        option.put("series", List.of(
                Map.of("type", "bar", "name", label.apply("mining.chart.steps"),
                        "data", top.stream().map(MetricsReport.ResourceMetrics::steps).toList()),
                Map.of("type", "bar", "name", label.apply("mining.chart.processes"),
                        "data", top.stream().map(MetricsReport.ResourceMetrics::processes).toList())));
        return option;
    }

    /**
     * A social network as an ECharts graph in a circle: people as nodes (size by their share of the
     * links), links as edges (width by count, arrows when directed), the strongest {@code limit} links only.
     */
    static Map<String, Object> network(String title, List<String[]> pairs, List<Long> counts, boolean directed, int limit) {
        int n = Math.min(limit, pairs.size());
        Map<String, Long> weight = new LinkedHashMap<>();
        long max = 1;
        List<Object> links = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] pair = pairs.get(i);
            long count = counts.get(i);
            max = Math.max(max, count);
            weight.merge(pair[0], count, Long::sum);
            weight.merge(pair[1], count, Long::sum);
        }
        for (int i = 0; i < n; i++) {
            String[] pair = pairs.get(i);
            links.add(Map.of("source", pair[0], "target", pair[1], "value", counts.get(i),
                    "lineStyle", Map.of("width", 1 + 5.0 * counts.get(i) / max, "curveness", directed ? 0.2 : 0)));
        }
        long heaviest = weight.values().stream().mapToLong(Long::longValue).max().orElse(1);
        List<Object> nodes = new ArrayList<>();
        weight.forEach((name, w) -> nodes.add(Map.of("name", name, "value", w, "symbolSize", 12 + 30.0 * w / heaviest)));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", title, "textStyle", Map.of("fontSize", 14)));
        option.put("tooltip", Map.of());
        option.put("animation", false);
        option.put("series", List.of(Map.of("type", "graph", "layout", "circular", "circular", Map.of("rotateLabel", true),
                "roam", true, "label", Map.of("show", true, "position", "right"),
                "edgeSymbol", directed ? List.of("none", "arrow") : List.of("none", "none"), "edgeSymbolSize", 7,
                "data", nodes, "links", links, "lineStyle", Map.of("color", "source", "opacity", 0.7))));
        return option;
    }

    /** Quartile colours of the performance spectrum, fastest (green) to slowest (red). */
    private static final List<String> QUARTILE_COLOURS = List.of("#2e9d5b", "#a5c94b", "#f0a430", "#d9453c");

    /**
     * The performance spectrum: time runs left to right, the segment's source on the upper line and its target on
     * the lower one; each case (or bin, wider by its count) a line between them, one series per duration quartile.
     */
    static Map<String, Object> spectrum(SpectrumReport report, Function<String, String> label) {
        List<List<Map<String, Object>>> byQuartile = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        for (var line : report.lines()) {
            Map<String, Object> data = new LinkedHashMap<>();
            // y by category index (0 = target, the lower line; 1 = source), which ECharts' ordinal axis takes as is
            data.put("coords", List.of(List.of(line.start(), 1), List.of(line.end(), 0)));
            if (report.binned()) {
                data.put("lineStyle", Map.of("width", round(1 + Math.log(line.count()) / Math.log(2))));
            }
            data.put("name", (line.caseId() != null ? line.caseId() : "×" + line.count()) + ": "
                    + round(line.durationMs() / HOUR) + " h");
            byQuartile.get(line.quartile() - 1).add(data);
        }
        List<Object> series = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            series.add(Map.of("type", "lines", "coordinateSystem", "cartesian2d", "name",
                    label.apply("mining.spectrum.quartile" + (q + 1)), "data", byQuartile.get(q),
                    "lineStyle", Map.of("color", QUARTILE_COLOURS.get(q), "opacity", 0.6, "width", 1),
                    "color", QUARTILE_COLOURS.get(q)));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", report.source() + " → " + report.target(), "textStyle", Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("legend", Map.of("top", 24));
        option.put("grid", Map.of("top", 70, "left", 140, "right", 30, "bottom", 40));
        option.put("animation", false);
        // a lines series does not widen the axes to its data (ECharts 5.3), so the period is given
        Map<String, Object> xAxis = new LinkedHashMap<>();
        xAxis.put("type", "time");
        report.lines().stream().mapToLong(SpectrumReport.Line::start).min().ifPresent(min -> xAxis.put("min", min));
        report.lines().stream().mapToLong(SpectrumReport.Line::end).max().ifPresent(max -> xAxis.put("max", max));
        option.put("xAxis", xAxis);
        option.put("yAxis", Map.of("type", "category", "data", List.of(report.target(), report.source()),
                "boundaryGap", false));
        option.put("series", series);
        return option;
    }

    private static Map<String, Object> base(String title, List<String> categories) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", title, "textStyle", Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 24, "type", "scroll"));
        option.put("grid", Map.of("top", 70, "left", 50, "right", 50, "bottom", 40));
        option.put("animation", false);
        option.put("xAxis", Map.of("type", "category", "data", categories));
        return option;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
