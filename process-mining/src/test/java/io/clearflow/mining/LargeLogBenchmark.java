package io.clearflow.mining;

import io.clearflow.mining.dfg.Dfg;
import io.clearflow.mining.dfg.DfgMiner;
import io.clearflow.mining.importer.LogImporter;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.ImportOptions;
import io.clearflow.mining.metrics.MetricsCalculator;
import io.clearflow.mining.metrics.MetricsReport;
import io.clearflow.mining.stream.StreamingMiner;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Not a test: a generated XES.gz log of N events (default 10,000,000) is imported and mined for the
 * DFG and all metrics, printing the time of each step and the peak heap (sum of the heap pools' peak
 * usage) and GC figures. Run in its own JVM with a 2 GB heap (see README):
 * {@code java -Xmx2g -cp ... io.clearflow.mining.LargeLogBenchmark [events] [folder]}; with a third argument
 * {@code stream} the file is mined by {@link StreamingMiner} instead (run it with a small heap, e.g. -Xmx256m).
 * The file is written as text, trace by trace, so generating it needs no memory.
 */
public final class LargeLogBenchmark {

    private static final String[] ACTIVITIES = {"receive", "check", "review", "approve", "reject", "archive", "notify"};

    private LargeLogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        Path folder = Path.of(args.length > 1 ? args[1] : "target");
        Files.createDirectories(folder);
        Path file = folder.resolve("bench-" + events + ".xes.gz");
        if (!Files.exists(file)) {
            long start = System.nanoTime();
            int written = write(file, events);
            System.out.printf("generated %s: %,d events, %,d MB, %.1f s%n", file, written, Files.size(file) >> 20,
                    (System.nanoTime() - start) / 1e9);
        }
        System.out.printf("machine: %d cores, max heap %d MB, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        Thread sampler = new Thread(LargeLogBenchmark::sampleHeap, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        if (args.length > 2 && "stream".equals(args[2])) {
            stream(file);
            return;
        }
        long t0 = System.nanoTime();
        EventLog log = LogImporter.importFile(file, null, new ImportOptions(false, events + 1_000_000)).log();
        long t1 = System.nanoTime();
        Dfg dfg = DfgMiner.mine(log);
        long t2 = System.nanoTime();
        MetricsReport metrics = MetricsCalculator.compute(log);
        long t3 = System.nanoTime();
        System.out.printf("import: %,d events, %,d cases in %.1f s (%,.0f events/s)%n", log.eventCount(), log.caseCount(),
                (t1 - t0) / 1e9, log.eventCount() / ((t1 - t0) / 1e9));
        System.out.printf("DFG: %d activities, %d edges in %.1f s%n", dfg.activities().size(), dfg.edges().size(),
                (t2 - t1) / 1e9);
        System.out.printf("metrics: %d tasks, %d resources, %d posts, %d months in %.1f s%n", metrics.tasks().size(),
                metrics.resources().size(), metrics.posts().size(), metrics.process().months().size(), (t3 - t2) / 1e9);
        memory();
        System.out.printf("total %.1f s%n", (t3 - t0) / 1e9);
    }

    /** The streaming path: one pass over the file, DFG + variants + metrics, the log never held. */
    private static void stream(Path file) throws Exception {
        long t0 = System.nanoTime();
        StreamingMiner.Result result = StreamingMiner.mine(file, false);
        long t1 = System.nanoTime();
        System.out.printf("stream: %,d events, %,d cases; DFG %d activities, %d edges; %d variants; metrics %d tasks, "
                        + "%d resources, %d posts, %d months in %.1f s (%,.0f events/s)%n", result.summary().events(),
                result.summary().cases(), result.dfg().activities().size(), result.dfg().edges().size(),
                result.variants().size(), result.metrics().tasks().size(), result.metrics().resources().size(),
                result.metrics().posts().size(), result.metrics().process().months().size(), (t1 - t0) / 1e9,
                result.summary().events() / ((t1 - t0) / 1e9));
        memory();
    }

    private static volatile long sampledPeak;

    /** The heap in use, sampled every 5 ms: what the run really occupied at its fullest (at most -Xmx). */
    private static void sampleHeap() {
        var memory = ManagementFactory.getMemoryMXBean();
        while (true) {
            sampledPeak = Math.max(sampledPeak, memory.getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void memory() {
        System.out.printf("main thread CPU %.1f s%n", ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9);
        System.out.printf("peak heap in use (sampled every 5 ms): %,d MB of %,d MB max%n", sampledPeak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("sum of the heap pools' peaks (an upper bound: the pools peak at different times): %,d MB%n",
                peak >> 20);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            System.out.printf("GC %s: %d collections, %.1f s%n", gc.getName(), gc.getCollectionCount(),
                    gc.getCollectionTime() / 1e3);
        }
    }

    /** The same request process as {@link MiningBenchmark#generate}, written straight to XES text. */
    public static int write(Path file, int targetEvents) throws Exception {
        Random random = new Random(42);
        long base = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
        int written = 0;
        try (Writer out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file),
                1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1849.2016\">\n");
            int c = 0;
            while (written < targetEvents) {
                out.write("<trace><string key=\"concept:name\" value=\"case-" + c++ + "\"/>\n");
                long t = base + (long) (random.nextDouble() * 365 * 86_400_000L);
                int step = 0;
                while (step >= 0) {
                    String activity = ACTIVITIES[step];
                    int person = random.nextInt(60);
                    String resource = "user-" + person;
                    String group = "dept-" + person % 8;
                    String role = "role-" + person % 5;
                    event(out, activity, t, null, group, null, "schedule");
                    t += (long) (random.nextExponential() * 3_600_000 * (1 + step));
                    event(out, activity, t, resource, group, role, "assign");
                    t += (long) (random.nextExponential() * 1_800_000);
                    event(out, activity, t, resource, group, role, "complete");
                    written += 3;
                    step = switch (step) {
                        case 0 -> 1;
                        case 1 -> 2;
                        case 2 -> random.nextDouble() < 0.2 ? 1 : (random.nextDouble() < 0.8 ? 3 : 4);
                        case 3, 4 -> 5;
                        case 5 -> random.nextDouble() < 0.5 ? 6 : -1;
                        default -> -1;
                    };
                }
                out.write("</trace>\n");
            }
            out.write("</log>\n");
        }
        return written;
    }

    private static void event(Writer out, String activity, long t, String resource, String group, String role,
                              String lifecycle) throws Exception {
        out.write("<event><string key=\"concept:name\" value=\"");
        out.write(activity);
        out.write("\"/><date key=\"time:timestamp\" value=\"");
        out.write(Instant.ofEpochMilli(t).toString());
        out.write("\"/><string key=\"lifecycle:transition\" value=\"");
        out.write(lifecycle);
        out.write("\"/>");
        if (resource != null) {
            out.write("<string key=\"org:resource\" value=\"" + resource + "\"/>");
        }
        out.write("<string key=\"org:group\" value=\"" + group + "\"/>");
        if (role != null) {
            out.write("<string key=\"org:role\" value=\"" + role + "\"/>");
        }
        out.write("</event>\n");
    }
}
