package io.clearflow.mining.spectrum;

import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.Timestamps;
import io.clearflow.mining.spectrum.SpectrumReport.Line;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Performance spectrum (Denisov et al. 2018, as in pm4py and bupaR) of a segment a→b: for each time a case's
 * control-flow event a is directly followed by b (the DFG's notion, complete events when the log has lifecycles),
 * a line from a's time to b's time. Lines are classed by duration quartile, so batching (many lines ending
 * together) and queues (lines lengthening over time) show. Above {@code maxLines} segments the lines are binned: the
 * period is cut into {@value #BINS} bins and segments with the same start bin, end bin and quartile become one line
 * with a count.
 */
public final class PerformanceSpectrum {

    public static final int BINS = 100;

    private PerformanceSpectrum() {
    }

    /** @throws IllegalArgumentException when either activity is not in the log */
    public static SpectrumReport of(EventLog log, String source, String target, int maxLines) {
        int a = activityId(log, source);
        int b = activityId(log, target);
        List<long[]> found = new ArrayList<>(); // {case, start, end}
        long untimed = 0;
        for (int c = 0; c < log.caseCount(); c++) {
            int[] events = log.completeEvents(c);
            for (int i = 0; i + 1 < events.length; i++) {
                if (log.activity(events[i]) != a || log.activity(events[i + 1]) != b) {
                    continue;
                }
                long start = log.timestamp(events[i]);
                long end = log.timestamp(events[i + 1]);
                if (start == Timestamps.NONE || end == Timestamps.NONE) {
                    untimed++;
                } else {
                    found.add(new long[] {c, start, end});
                }
            }
        }
        long[] durations = found.stream().mapToLong(s -> s[2] - s[1]).sorted().toArray();
        List<Long> quartiles = durations.length == 0 ? List.of()
                : List.of(quantile(durations, 0.25), quantile(durations, 0.5), quantile(durations, 0.75));
        found.sort(Comparator.comparingLong((long[] s) -> s[1]).thenComparingLong(s -> s[2]));
        if (found.size() <= maxLines) {
            List<Line> lines = new ArrayList<>(found.size());
            for (long[] s : found) {
                long d = s[2] - s[1];
                lines.add(new Line(log.caseId((int) s[0]), s[1], s[2], d, quartile(d, quartiles), 1));
            }
            return new SpectrumReport(source, target, found.size(), untimed, quartiles, false, 0, lines);
        }
        long first = found.get(0)[1];
        long last = found.stream().mapToLong(s -> s[2]).max().orElse(first);
        long bin = Math.max(1, (last - first + BINS) / BINS);
        Map<List<Long>, long[]> bins = new HashMap<>(); // {start bin, end bin, quartile} -> {count, duration sum}
        for (long[] s : found) {
            long d = s[2] - s[1];
            List<Long> key = List.of((s[1] - first) / bin, (s[2] - first) / bin, (long) quartile(d, quartiles));
            long[] acc = bins.computeIfAbsent(key, k -> new long[2]);
            acc[0]++;
            acc[1] += d;
        }
        List<Line> lines = new ArrayList<>(bins.size());
        bins.forEach((key, acc) -> lines.add(new Line(null, first + key.get(0) * bin + bin / 2,
                first + key.get(1) * bin + bin / 2, acc[1] / acc[0], key.get(2).intValue(), acc[0])));
        lines.sort(Comparator.comparingLong(Line::start).thenComparingLong(Line::end).thenComparingInt(Line::quartile));
        return new SpectrumReport(source, target, found.size(), untimed, quartiles, true, bin, lines);
    }

    private static int activityId(EventLog log, String name) {
        for (int i = 0; i < log.activityCount(); i++) {
            if (log.activityName(i).equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("activity '" + name + "' is not in the log");
    }

    /** Nearest-rank quantile of sorted values. */
    static long quantile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static int quartile(long duration, List<Long> quartiles) {
        for (int i = 0; i < quartiles.size(); i++) {
            if (duration <= quartiles.get(i)) {
                return i + 1;
            }
        }
        return 4;
    }

    /** For tests and callers that hold durations: the quartile boundaries of the given values. */
    static List<Long> quartiles(long... durations) {
        long[] sorted = durations.clone();
        Arrays.sort(sorted);
        return List.of(quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75));
    }
}
