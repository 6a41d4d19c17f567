package io.clearflow.delivery.stress.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The production workload model of seed (c), without Spring: from a call-mix sample (function code, business, count
 * per interval, about the last month) each code's share of all calls, the main-function set (the codes that make up
 * the top 99 % of the share: sorted by count, up to and including the code that reaches 99 %), and the mixes of the
 * four mandatory test types with per-second rates at {@code multiple} × the peak:
 * <ul>
 *   <li>full-function: every code at its production share;</li>
 *   <li>main-function: the main codes, shares renormalised within the set;</li>
 *   <li>single-code benchmark: each main code alone (share 1, run to saturation for a fixed time: no rate);</li>
 *   <li>burst: the main mix with one business's shares ×3 (then renormalised), one scenario per business.</li>
 * </ul>
 */
public final class WorkloadModel {

    public static final double MAIN_SHARE = 0.99;
    public static final double BURST_FACTOR = 3;

    public enum TestType { FULL, MAIN, SINGLE, BURST }

    /** One function code with its total calls, share of all calls and the cumulative share up to it (sorted). */
    public record Code(String code, String business, long count, double share, double cumulativeShare, boolean main) { }

    /** One line of a test's mix: the rate is per second at the target load (null for single-code benchmarks). */
    public record MixLine(TestType type, String scenario, String code, String business, double share, Double ratePerSecond) { }

    public record Model(long totalCalls, double targetTps, List<Code> codes, List<String> mainSet, List<MixLine> mixes) { }

    /** A sample row: calls of a code in one interval. */
    public record Calls(String code, String business, long count) { }

    private WorkloadModel() {
    }

    /**
     * @param peakTps  historical production peak, transactions per second
     * @param multiple target multiple of the peak (3 for the CSRC rule)
     */
    public static Model of(List<Calls> sample, double peakTps, double multiple) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, String> business = new LinkedHashMap<>();
        long total = 0;
        for (Calls c : sample) {
            counts.computeIfAbsent(c.code(), k -> new long[1])[0] += c.count();
            business.putIfAbsent(c.code(), c.business());
            total += c.count();
        }
        if (total <= 0) {
            throw new IllegalArgumentException("no calls in the sample");
        }
        List<Map.Entry<String, long[]>> sorted = new ArrayList<>(counts.entrySet());
        // by count, then by code for a stable order between equal counts
        sorted.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0])
                : a.getKey().compareTo(b.getKey()));
        List<Code> codes = new ArrayList<>();
        List<String> mainSet = new ArrayList<>();
        long cumulative = 0;
        boolean reached = false;
        for (Map.Entry<String, long[]> e : sorted) {
            long n = e.getValue()[0];
            cumulative += n;
            boolean main = !reached && n > 0;
            double cumulativeShare = (double) cumulative / total;
            codes.add(new Code(e.getKey(), business.get(e.getKey()), n, (double) n / total, cumulativeShare, main));
            if (main) {
                mainSet.add(e.getKey());
                // compare counts, not doubles: 99 % of the total reached exactly counts as reached
                reached = cumulative * 100 >= total * Math.round(MAIN_SHARE * 100);
            }
        }
        double target = peakTps * multiple;
        List<MixLine> mixes = new ArrayList<>();
        for (Code c : codes) {
            mixes.add(new MixLine(TestType.FULL, "full", c.code(), c.business(), c.share(), c.share() * target));
        }
        List<Code> main = codes.stream().filter(Code::main).toList();
        double mainTotal = main.stream().mapToDouble(Code::share).sum();
        for (Code c : main) {
            double share = c.share() / mainTotal;
            mixes.add(new MixLine(TestType.MAIN, "main", c.code(), c.business(), share, share * target));
        }
        for (Code c : main) {
            mixes.add(new MixLine(TestType.SINGLE, "single:" + c.code(), c.code(), c.business(), 1.0, null));
        }
        for (String b : new TreeSet<>(main.stream().map(Code::business).toList())) {
            double weights = main.stream().mapToDouble(c -> c.share() * (b.equals(c.business()) ? BURST_FACTOR : 1)).sum();
            for (Code c : main) {
                double share = c.share() * (b.equals(c.business()) ? BURST_FACTOR : 1) / weights;
                mixes.add(new MixLine(TestType.BURST, "burst:" + b, c.code(), c.business(), share, share * target));
            }
        }
        return new Model(total, target, List.copyOf(codes), List.copyOf(mainSet), List.copyOf(mixes));
    }

    /** The mixes as CSV for the load tool (one line per test scenario and code; quotes where a value needs them). */
    public static String csv(Model model) {
        StringBuilder out = new StringBuilder("test_type,scenario,function_code,business,share,rate_per_second\n");
        for (MixLine l : model.mixes()) {
            out.append(l.type()).append(',').append(cell(l.scenario())).append(',').append(cell(l.code())).append(',')
                    .append(cell(l.business())).append(',').append(String.format(java.util.Locale.ROOT, "%.6f", l.share()))
                    .append(',').append(l.ratePerSecond() == null ? ""
                            : String.format(java.util.Locale.ROOT, "%.3f", l.ratePerSecond())).append('\n');
        }
        return out.toString();
    }

    /**
     * Quotes a cell holding a comma, quote or line break; a cell starting with {@code = + - @} gets a leading quote
     * mark so that a spreadsheet opening the export does not run it as a formula (CSV injection).
     */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
