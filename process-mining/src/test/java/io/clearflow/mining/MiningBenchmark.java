package io.clearflow.mining;

import io.clearflow.mining.bottleneck.BottleneckAnalyzer;
import io.clearflow.mining.dfg.DfgMiner;
import io.clearflow.mining.importer.LogImporter;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.EventLogBuilder;
import io.clearflow.mining.log.ImportOptions;
import io.clearflow.mining.metrics.MetricsCalculator;
import io.clearflow.mining.variants.VariantMiner;
import io.clearflow.mining.xes.XesExporter;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Not a test ({@code -Dbench.runs=11 -Dbench.importWarmup=10} by default): prints XES import throughput (helpdesk.xes.gz and a generated ~250,000-event log, plain
 * and gzip) and the time of DFG + variants + all metrics on the generated log, medians of several
 * runs after warm-up. Run:
 * {@code ./mvnw -q -o test-compile exec:java -pl process-mining -Dexec.mainClass=io.clearflow.mining.MiningBenchmark -Dexec.classpathScope=test}
 */
public final class MiningBenchmark {

    private static final String[] ACTIVITIES = {"receive", "check", "review", "approve", "reject", "archive", "notify"};
    private static final int RUNS = Integer.getInteger("bench.runs", 11);
    /** Imports before the timed ones; the parser keeps getting faster until the JIT has compiled it (about 8). */
    private static final int IMPORT_WARMUP = Integer.getInteger("bench.importWarmup", 10);

    private MiningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "process-mining/target");
        Files.createDirectories(target);
        EventLog generated = generate(250_000);
        Path plain = target.resolve("bench-250k.xes");
        Path gzip = target.resolve("bench-250k.xes.gz");
        try (OutputStream out = Files.newOutputStream(plain)) {
            XesExporter.write(generated, out);
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip), 1 << 16)) {
            XesExporter.write(generated, out);
        }
        System.out.printf("machine: %d cores, max heap %d MB, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        importThroughput(SharedData.eventLog("helpdesk.xes.gz"));
        importThroughput(plain);
        importThroughput(gzip);

        EventLog log = LogImporter.importFile(gzip, null, ImportOptions.strict()).log();
        long[] analyses = new long[RUNS];
        long[] withBottlenecks = new long[RUNS];
        for (int run = -3; run < RUNS; run++) {
            long start = System.nanoTime();
            DfgMiner.mine(log);
            VariantMiner.mine(log);
            MetricsCalculator.compute(log);
            long middle = System.nanoTime();
            BottleneckAnalyzer.analyze(log, Duration.ofDays(7));
            long end = System.nanoTime();
            if (run >= 0) {
                analyses[run] = middle - start;
                withBottlenecks[run] = end - start;
            }
        }
        System.out.printf("DFG + variants + metrics on %,d events / %,d cases: median %.0f ms (runs: %s ms)%n",
                log.eventCount(), log.caseCount(), median(analyses) / 1e6, millis(analyses));
        System.out.printf("  ... + bottlenecks: median %.0f ms%n", median(withBottlenecks) / 1e6);
    }

    /**
     * Wall time, and the importing thread's CPU time: on a machine shared with other builds the latter
     * shows what the code costs when it has a core to itself (GC threads are not included).
     */
    private static void importThroughput(Path file) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] times = new long[RUNS];
        long[] cpu = new long[RUNS];
        int events = 0;
        for (int run = -IMPORT_WARMUP; run < RUNS; run++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            events = LogImporter.importFile(file, null, ImportOptions.strict()).log().eventCount();
            if (run >= 0) {
                times[run] = System.nanoTime() - start;
                cpu[run] = threads.getCurrentThreadCpuTime() - startCpu;
            }
        }
        double seconds = median(times) / 1e9;
        double cpuSeconds = median(cpu) / 1e9;
        long min = Arrays.stream(times).min().orElse(0);
        long max = Arrays.stream(times).max().orElse(0);
        System.out.printf("import %-20s %,9d events (%,d KB), %d runs after %d warm-ups: wall median %.0f ms = %,.0f events/s, "
                        + "min %d ms = %,.0f events/s, max %d ms = %,.0f events/s; thread CPU median %.0f ms = %,.0f events/s%n"
                        + "    wall runs: %s ms%n", file.getFileName(), events, Files.size(file) >> 10, RUNS, IMPORT_WARMUP,
                seconds * 1000, events / seconds, min / 1_000_000, events / (min / 1e9), max / 1_000_000,
                events / (max / 1e9), cpuSeconds * 1000, events / cpuSeconds, millis(times));
    }

    /**
     * A request process with a review loop and a reject branch; each step is scheduled, assigned
     * and completed by one of 60 people in 8 departments, cases starting over twelve months. Events
     * carry name, timestamp, lifecycle, resource, group and role (BPI Challenge 2012 has the first four).
     */
    static EventLog generate(int targetEvents) {
        Random random = new Random(42);
        EventLogBuilder builder = new EventLogBuilder("generated");
        long base = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
        int c = 0;
        while (builder.size() < targetEvents) {
            String caseId = "case-" + c++;
            long t = base + (long) (random.nextDouble() * 365 * 86_400_000L);
            int step = 0;
            while (step >= 0) {
                String activity = ACTIVITIES[step];
                int person = random.nextInt(60);
                String resource = "user-" + person;
                String group = "dept-" + person % 8;
                String role = "role-" + person % 5;
                builder.add(caseId, activity, t, null, group, null, "schedule", null);
                t += (long) (random.nextExponential() * 3_600_000 * (1 + step));
                builder.add(caseId, activity, t, resource, group, role, "assign", null);
                t += (long) (random.nextExponential() * 1_800_000);
                builder.add(caseId, activity, t, resource, group, role, "complete", null);
                step = next(step, random);
            }
        }
        return builder.build();
    }

    private static int next(int step, Random random) {
        return switch (step) {
            case 0 -> 1;
            case 1 -> 2;
            case 2 -> random.nextDouble() < 0.2 ? 1 : (random.nextDouble() < 0.8 ? 3 : 4);
            case 3, 4 -> 5;
            case 5 -> random.nextDouble() < 0.5 ? 6 : -1;
            default -> -1;
        };
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String millis(long[] values) {
        return Arrays.toString(Arrays.stream(values).map(v -> v / 1_000_000).toArray());
    }
}
