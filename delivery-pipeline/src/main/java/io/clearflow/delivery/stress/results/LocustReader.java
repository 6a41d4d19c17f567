package io.clearflow.delivery.stress.results;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Locust's CSV exports hold the tool's aggregates, not samples: the figures are Locust's own (its percentiles come
 * from rounded response-time buckets), which the summary says in {@code toolFigures}.
 */
final class LocustReader {

    private LocustReader() {
    }

    /** {@code *_stats.csv}: one row per request name and the "Aggregated" row for the whole run. */
    static LoadSummary stats(BufferedReader reader, Map<String, Integer> columns) throws IOException {
        int width = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        String[] cells = new String[width];
        List<LoadSummary.LabelFigures> labels = new ArrayList<>();
        String[] total = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            if (Csv.split(line, cells, reader) < width) {
                throw new BadResultFileException("delivery.stress.error.truncated");
            }
            String name = cells[columns.get("name")];
            if ("Aggregated".equals(name) || "Total".equals(name)) {
                total = cells.clone();
                continue;
            }
            long n = count(cells, columns, "request count");
            long failed = count(cells, columns, "failure count");
            labels.add(new LoadSummary.LabelFigures(name, n, failed, number(cells, columns, "requests/s"),
                    number(cells, columns, "50%"), number(cells, columns, "95%"), number(cells, columns, "99%"),
                    n == 0 ? 0 : (double) failed / n));
        }
        if (total == null) {
            throw new BadResultFileException("delivery.stress.error.truncated");
        }
        long samples = count(total, columns, "request count");
        long failed = count(total, columns, "failure count");
        Double p95 = number(total, columns, "95%");
        Double rate = number(total, columns, "requests/s");
        if (samples == 0 || p95 == null || rate == null || failed > samples) {
            throw new BadResultFileException("delivery.stress.error.noSamples");
        }
        labels.sort((a, b) -> Long.compare(b.samples(), a.samples()));
        return new LoadSummary(LoadFormat.LOCUST_STATS, samples, failed, rate, number(total, columns, "50%"), p95,
                number(total, columns, "99%"), (double) failed / samples, null, null,
                List.of("throughput", "p50Ms", "p95Ms", "p99Ms"), labels, 0, List.of());
    }

    /**
     * {@code *_stats_history.csv}: cumulative totals per interval. Samples and failures are the last totals; the
     * timeline has each interval's rate and Locust's current p95; throughput is the mean of the intervals' rates
     * and p95 the one of the last interval (Locust's figures: the history holds nothing better).
     */
    static LoadSummary history(BufferedReader reader, Map<String, Integer> columns) throws IOException {
        int width = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        String[] cells = new String[width];
        List<LoadSummary.Bucket> timeline = new ArrayList<>();
        long samples = 0;
        long failed = 0;
        long previousSamples = 0;
        long previousFailed = 0;
        double rateSum = 0;
        Double lastP95 = null;
        Long first = null;
        long last = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            if (Csv.split(line, cells, reader) < width) {
                throw new BadResultFileException("delivery.stress.error.truncated");
            }
            String name = cells[columns.get("name")];
            if (!"Aggregated".equals(name) && !"Total".equals(name)) {
                continue;
            }
            long at = LoadResultReader.number(cells[columns.get("timestamp")]) * 1000;
            samples = count(cells, columns, "total request count");
            failed = count(cells, columns, "total failure count");
            Double rate = number(cells, columns, "requests/s");
            Double p95 = number(cells, columns, "95%");
            if (samples < previousSamples || failed < previousFailed || (first != null && at < last)) {
                throw new BadResultFileException("delivery.stress.error.badNumber");
            }
            first = first == null ? at : first;
            last = at;
            rateSum += rate == null ? 0 : rate;
            lastP95 = p95 == null ? lastP95 : p95;
            Double mean = number(cells, columns, "total average response time");
            timeline.add(new LoadSummary.Bucket(at, samples - previousSamples, failed - previousFailed,
                    mean == null ? 0 : mean, p95));
            previousSamples = samples;
            previousFailed = failed;
        }
        if (timeline.isEmpty() || samples == 0 || lastP95 == null) {
            throw new BadResultFileException("delivery.stress.error.noSamples");
        }
        int width0 = timeline.size() > 1
                ? (int) Math.max(1, (timeline.get(1).startMs() - timeline.get(0).startMs()) / 1000) : 1;
        return new LoadSummary(LoadFormat.LOCUST_HISTORY, samples, failed, rateSum / timeline.size(), null, lastP95,
                null, (double) failed / samples, first, last, List.of("throughput", "p95Ms"), List.of(), width0, timeline);
    }

    private static long count(String[] cells, Map<String, Integer> columns, String column) {
        Integer i = columns.get(column);
        if (i == null) {
            throw new BadResultFileException("delivery.stress.error.unknownFormat");
        }
        return LoadResultReader.number(cells[i]);
    }

    /** Locust writes "N/A" where it has no value (no requests of that name yet). */
    private static Double number(String[] cells, Map<String, Integer> columns, String column) {
        Integer i = columns.get(column);
        if (i == null) {
            return null;
        }
        String v = cells[i].strip();
        if (v.isEmpty() || "N/A".equals(v)) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new BadResultFileException("delivery.stress.error.badNumber");
            }
            if (d < 0) {
                throw new BadResultFileException("delivery.stress.error.negativeTime");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadResultFileException("delivery.stress.error.badNumber");
        }
    }
}
