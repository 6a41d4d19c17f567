package io.clearflow.mining.bench;

import io.clearflow.mining.importer.LogImporter;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.ImportOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Not a test: the import figure. BPI Challenge 2012 is not in the shared data, so a log of its exact shape
 * is written: 13,087 traces, 262,200 events, its 24 activities (A_, O_ and W_ events; W_ events with SCHEDULE, START
 * and COMPLETE), its attribute set (trace: concept:name, REG_DATE, AMOUNT_REQ; event: org:resource on most events,
 * lifecycle:transition, concept:name, time:timestamp with milliseconds and a +01:00/+02:00 offset), its header
 * (extensions, globals, classifiers), as .xes.gz like the published file and as plain .xes. Each is imported in this
 * thread: median, min and max wall and thread CPU time of the runs after warm-ups. Run pinned to one core:
 * {@code taskset -c 0 java -cp … io.clearflow.mining.bench.Bpi2012ImportBenchmark target [runs] [warm-ups]}.
 */
public final class Bpi2012ImportBenchmark {

    public static final int TRACES = 13_087;
    public static final int EVENTS = 262_200;
    static final String[] ACTIVITIES = {"A_SUBMITTED", "A_PARTLYSUBMITTED", "A_PREACCEPTED", "A_ACCEPTED",
            "A_FINALIZED", "A_CANCELLED", "A_DECLINED", "A_REGISTERED", "A_APPROVED", "A_ACTIVATED", "O_SELECTED",
            "O_CREATED", "O_SENT", "O_SENT_BACK", "O_ACCEPTED", "O_CANCELLED", "O_DECLINED", "W_Afhandelen leads",
            "W_Completeren aanvraag", "W_Nabellen offertes", "W_Valideren aanvraag", "W_Nabellen incomplete dossiers",
            "W_Beoordelen fraude", "W_Wijzigen contractgegevens"};
    private static final String[] LIFECYCLES = {"SCHEDULE", "START", "COMPLETE"};
    private static final DateTimeFormatter XES_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private Bpi2012ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "target");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Files.createDirectories(target);
        Path gz = target.resolve("bpi2012-shape.xes.gz");
        Path plain = target.resolve("bpi2012-shape.xes");
        if (!Files.exists(gz) || !Files.exists(plain)) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz), 1 << 16)) {
                write(out);
            }
            try (OutputStream out = Files.newOutputStream(plain)) {
                write(out);
            }
        }
        System.out.printf("cores %d, Java %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        measure(gz, runs, warmups);
        measure(plain, runs, warmups);
    }

    private static void measure(Path file, int runs, int warmups) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        long[] process = new long[runs];
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        EventLog log = null;
        for (int run = -warmups; run < runs; run++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            long startProcess = os.getProcessCpuTime();
            log = LogImporter.importFile(file, null, ImportOptions.strict()).log();
            if (run >= 0) {
                wall[run] = (System.nanoTime() - start) / 1_000_000;
                cpu[run] = (threads.getCurrentThreadCpuTime() - startCpu) / 1_000_000;
                process[run] = (os.getProcessCpuTime() - startProcess) / 1_000_000;
            }
        }
        if (log.caseCount() != TRACES || log.eventCount() != EVENTS || log.activityCount() != ACTIVITIES.length) {
            throw new IllegalStateException("the log read back is not of BPI 2012's shape: " + log.caseCount() + " cases, "
                    + log.eventCount() + " events, " + log.activityCount() + " activities");
        }
        long[] sortedWall = wall.clone();
        long[] sortedCpu = cpu.clone();
        Arrays.sort(sortedWall);
        Arrays.sort(sortedCpu);
        long[] sortedProcess = process.clone();
        Arrays.sort(sortedProcess);
        System.out.printf("%s (%,d KB): %,d cases, %,d events; %d runs after %d warm-ups: wall median %d ms (min %d, max %d),"
                        + " thread CPU median %d ms (min %d, max %d), process CPU (with GC and JIT threads) median %d ms;"
                        + " wall runs %s%n", file.getFileName(),
                Files.size(file) >> 10, log.caseCount(), log.eventCount(), runs, warmups, sortedWall[runs / 2],
                sortedWall[0], sortedWall[runs - 1], sortedCpu[runs / 2], sortedCpu[0], sortedCpu[runs - 1],
                sortedProcess[runs / 2], Arrays.toString(wall));
    }

    /** Trace lengths of BPI 2012's kind (many short declined applications, a long tail), summing to EVENTS. */
    static int[] traceLengths(Random random) {
        int[] lengths = new int[TRACES];
        long sum = 0;
        for (int i = 0; i < TRACES; i++) {
            double u = random.nextDouble();
            lengths[i] = u < 0.27 ? 3 + random.nextInt(3) : 8 + (int) (-Math.log(1 - random.nextDouble()) * 18);
            lengths[i] = Math.min(lengths[i], 175);
            sum += lengths[i];
        }
        while (sum != EVENTS) {
            int i = random.nextInt(TRACES);
            if (sum < EVENTS && lengths[i] < 175) {
                lengths[i]++;
                sum++;
            } else if (sum > EVENTS && lengths[i] > 3) {
                lengths[i]--;
                sum--;
            }
        }
        return lengths;
    }

    static void write(OutputStream target) throws IOException {
        Random random = new Random(2012);
        int[] lengths = traceLengths(random);
        Writer out = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 1 << 16);
        out.write("""
                <?xml version="1.0" encoding="UTF-8" ?>
                <log xes.version="1.0" xes.features="nested-attributes" openxes.version="1.0RC7" xmlns="http://www.xes-standard.org/">
                	<extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>
                	<extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>
                	<extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>
                	<extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
                	<global scope="trace">
                		<string key="concept:name" value="__INVALID__"/>
                	</global>
                	<global scope="event">
                		<string key="concept:name" value="__INVALID__"/>
                		<string key="lifecycle:transition" value="complete"/>
                	</global>
                	<classifier name="MXML Legacy Classifier" keys="concept:name lifecycle:transition"/>
                	<classifier name="Event Name" keys="concept:name"/>
                	<classifier name="Resource" keys="org:resource"/>
                	<string key="concept:name" value="financial_log.xes"/>
                """);
        long start = Instant.parse("2011-10-01T00:38:44.546Z").toEpochMilli();
        long span = Instant.parse("2012-03-14T00:00:00Z").toEpochMilli() - start;
        for (int c = 0; c < TRACES; c++) {
            long t = start + (long) (random.nextDouble() * span);
            String regDate = time(t);
            out.write("\t<trace>\n\t\t<date key=\"REG_DATE\" value=\"" + regDate + "\"/>\n");
            out.write("\t\t<string key=\"concept:name\" value=\"" + (173688 + c * 3) + "\"/>\n");
            out.write("\t\t<string key=\"AMOUNT_REQ\" value=\"" + (500 * (1 + random.nextInt(200))) + "\"/>\n");
            for (int e = 0; e < lengths[c]; e++) {
                int activity = e < 2 ? e : 2 + random.nextInt(ACTIVITIES.length - 2);
                String name = ACTIVITIES[activity];
                String lifecycle = name.startsWith("W_") ? LIFECYCLES[random.nextInt(3)] : "COMPLETE";
                out.write("\t\t<event>\n");
                // BPI 2012 has events without org:resource (about 2 % of them)
                if (random.nextInt(50) != 0) {
                    out.write("\t\t\t<string key=\"org:resource\" value=\"" + (e == 0 ? 112 : 10000 + random.nextInt(68) * 17)
                            + "\"/>\n");
                }
                out.write("\t\t\t<string key=\"lifecycle:transition\" value=\"" + lifecycle + "\"/>\n");
                out.write("\t\t\t<string key=\"concept:name\" value=\"" + name + "\"/>\n");
                out.write("\t\t\t<date key=\"time:timestamp\" value=\"" + time(t) + "\"/>\n");
                out.write("\t\t</event>\n");
                t += (long) (random.nextDouble() * 3_600_000);
            }
            out.write("\t</trace>\n");
        }
        out.write("</log>\n");
        out.flush();
    }

    /** Dutch local time as the published log writes it (+02:00 in summer time, +01:00 after 30 October 2011). */
    private static String time(long epochMillis) {
        Instant instant = Instant.ofEpochMilli(epochMillis);
        ZoneOffset offset = instant.isBefore(Instant.parse("2011-10-30T01:00:00Z")) ? ZoneOffset.ofHours(2)
                : ZoneOffset.ofHours(1);
        return XES_TIME.format(instant.atOffset(offset));
    }
}
