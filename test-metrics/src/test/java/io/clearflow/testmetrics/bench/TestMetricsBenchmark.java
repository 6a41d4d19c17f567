package io.clearflow.testmetrics.bench;

import io.clearflow.testmetrics.TestMetricsTestApplication;
import io.clearflow.testmetrics.api.GateRequest;
import io.clearflow.testmetrics.api.QualityGates;
import io.clearflow.testmetrics.ingest.EvidenceSink;
import io.clearflow.testmetrics.ingest.ReportIngestService;
import io.clearflow.testmetrics.ingest.ReportReader;
import io.clearflow.testmetrics.ingest.UploadTarget;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Benchmark, not a timed test (runs only when named: {@code -Dtest=TestMetricsBenchmark}). Prints:
 * parse throughput of a generated 10,000-testcase JUnit file and a 2,000-class JaCoCo report (one thread,
 * median of rounds), the same through the ingest service into H2 (parse + JDBC batches), heap growth while
 * parsing a 10× larger JUnit file, and quality-gate evaluation latency (p50/p95) on stored evidence.
 */
@SpringBootTest(classes = TestMetricsTestApplication.class, properties = {
        "clearflow.test-metrics.max-report-size=500MB", "spring.datasource.url=jdbc:h2:mem:tmbench;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class TestMetricsBenchmark {

    static final int ROUNDS = Integer.getInteger("bench.rounds", 7);

    @Autowired ReportIngestService ingest;
    @Autowired QualityGates gates;

    static Path junit(Path dir, int cases) throws IOException {
        Path file = dir.resolve("bench-junit-" + cases + ".xml");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
            int perSuite = 50;
            for (int s = 0; s < cases / perSuite; s++) {
                w.write("<testsuite name=\"io.clearflow.bench.Suite" + s + "Test\" tests=\"" + perSuite + "\" time=\"1.5\">\n"
                        + "<properties><property name=\"java.version\" value=\"17.0.12\"/></properties>\n");
                for (int c = 0; c < perSuite; c++) {
                    int n = s * perSuite + c;
                    w.write("  <testcase name=\"checksOrderNumber" + n + "[" + (n % 7) + "]\" classname=\"io.clearflow.bench.Suite"
                            + s + "Test\" time=\"0." + String.format("%03d", n % 1000) + "\"");
                    if (n % 50 == 7) {
                        w.write("><failure message=\"expected: &lt;" + n + "&gt; but was: &lt;0&gt;\" type=\"org.opentest4j.AssertionFailedError\">"
                                + "org.opentest4j.AssertionFailedError: expected: &lt;" + n + "&gt; but was: &lt;0&gt;\n"
                                + "\tat io.clearflow.bench.Suite" + s + "Test.checksOrderNumber(Suite" + s + "Test.java:" + (40 + c) + ")\n"
                                + "\tat java.base/java.lang.reflect.Method.invoke(Method.java:580)\n</failure>"
                                + "<system-out><![CDATA[order " + n + " rejected by limit check\n]]></system-out></testcase>\n");
                    } else if (n % 97 == 3) {
                        w.write("><skipped message=\"calendar not loaded\"/></testcase>\n");
                    } else {
                        w.write("/>\n");
                    }
                }
                w.write("<system-out><![CDATA[]]></system-out>\n</testsuite>\n");
            }
            w.write("</testsuites>\n");
        }
        return file;
    }

    static Path jacoco(Path dir, int classes) throws IOException {
        Path file = dir.resolve("bench-jacoco-" + classes + ".xml");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><!DOCTYPE report PUBLIC \"-//JACOCO//DTD Report 1.1//EN\" \"report.dtd\">"
                    + "<report name=\"bench\"><sessioninfo id=\"s\" start=\"1\" dump=\"2\"/>");
            int perPackage = 20;
            for (int p = 0; p < classes / perPackage; p++) {
                String pkg = "io/clearflow/bench/p" + p;
                w.write("<package name=\"" + pkg + "\">");
                for (int c = 0; c < perPackage; c++) {
                    w.write("<class name=\"" + pkg + "/C" + c + "\" sourcefilename=\"C" + c + ".java\">");
                    for (int m = 0; m < 5; m++) {
                        w.write("<method name=\"m" + m + "\" desc=\"(I)V\" line=\"" + (10 + m * 6) + "\">"
                                + "<counter type=\"INSTRUCTION\" missed=\"2\" covered=\"10\"/><counter type=\"BRANCH\" missed=\"1\" covered=\"1\"/>"
                                + "<counter type=\"LINE\" missed=\"1\" covered=\"4\"/><counter type=\"COMPLEXITY\" missed=\"1\" covered=\"1\"/>"
                                + "<counter type=\"METHOD\" missed=\"0\" covered=\"1\"/></method>");
                    }
                    w.write("<counter type=\"INSTRUCTION\" missed=\"10\" covered=\"50\"/><counter type=\"BRANCH\" missed=\"5\" covered=\"5\"/>"
                            + "<counter type=\"LINE\" missed=\"5\" covered=\"20\"/><counter type=\"COMPLEXITY\" missed=\"5\" covered=\"5\"/>"
                            + "<counter type=\"METHOD\" missed=\"0\" covered=\"5\"/><counter type=\"CLASS\" missed=\"0\" covered=\"1\"/></class>");
                }
                for (int c = 0; c < perPackage; c++) {
                    w.write("<sourcefile name=\"C" + c + ".java\">");
                    for (int l = 10; l < 40; l++) {
                        boolean hit = l % 6 != 0;
                        w.write("<line nr=\"" + l + "\" mi=\"" + (hit ? 0 : 2) + "\" ci=\"" + (hit ? 2 : 0) + "\" mb=\"0\" cb=\"0\"/>");
                    }
                    w.write("<counter type=\"LINE\" missed=\"5\" covered=\"20\"/></sourcefile>");
                }
                w.write("<counter type=\"LINE\" missed=\"" + 5 * perPackage + "\" covered=\"" + 20 * perPackage + "\"/></package>");
            }
            w.write("<counter type=\"LINE\" missed=\"" + 5 * classes + "\" covered=\"" + 20 * classes + "\"/></report>");
        }
        return file;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static double parseSeconds(Path file) throws IOException {
        long cpu0 = cpu();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 65536)) {
            ReportReader.read(in, EvidenceSink.NONE);
        }
        return (cpu() - cpu0) / 1e9;
    }

    static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    @Test
    void run() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/bench"));
        Path junit = junit(dir, 10_000);
        Path jacoco = jacoco(dir, 2_000);
        double junitMb = Files.size(junit) / 1e6;
        double jacocoMb = Files.size(jacoco) / 1e6;
        for (int i = 0; i < 3; i++) { // warm-up
            parseSeconds(junit);
            parseSeconds(jacoco);
        }
        List<Double> junitCpu = new ArrayList<>();
        List<Double> jacocoCpu = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            junitCpu.add(parseSeconds(junit));
            jacocoCpu.add(parseSeconds(jacoco));
        }
        double j = median(junitCpu);
        double k = median(jacocoCpu);
        System.out.printf("BENCH parse JUnit 10,000 cases (%.2f MB): %.1f ms CPU, %,.0f cases/s, %.1f MB/s%n",
                junitMb, j * 1000, 10_000 / j, junitMb / j);
        System.out.printf("BENCH parse JaCoCo 2,000 classes (%.2f MB): %.1f ms CPU, %.1f MB/s%n", jacocoMb, k * 1000, jacocoMb / k);

        // heap while parsing a file ten times larger: streaming keeps it flat
        Path big = junit(dir, 100_000);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long[] peak = {0};
        EvidenceSink watching = new EvidenceSink() {
            int n;
            @Override public void testCase(ParsedTestCase testCase) {
                if (++n % 20_000 == 0) {
                    System.gc(); // what is still reachable, not garbage waiting for collection
                    peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
                }
            }
            @Override public void coverage(Coverage counters) { }
            @Override public void coverageFile(String path, io.clearflow.testmetrics.ingest.LineSet c, io.clearflow.testmetrics.ingest.LineSet m) { }
            @Override public void finding(ParsedFinding finding) { }
        };
        try (InputStream in = Files.newInputStream(big)) {
            ReportReader.read(in, watching);
        }
        System.out.printf("BENCH heap while parsing 100,000 cases (%.1f MB file): live heap before %.1f MB, highest live sample during %.1f MB%n",
                Files.size(big) / 1e6, before / 1e6, peak[0] / 1e6);

        // through the service into H2 (parse + JDBC batches + transaction), wall clock
        List<Double> stored = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            try (InputStream in = Files.newInputStream(junit)) {
                ingest.ingest(new UploadTarget("bench", "1." + i, "r" + i), "junit.xml", in, "admin");
            }
            stored.add((System.nanoTime() - t0) / 1e9);
        }
        List<Double> storedCov = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            try (InputStream in = Files.newInputStream(jacoco)) {
                ingest.ingest(new UploadTarget("bench", "1." + i, "r" + i), "jacoco.xml", in, "admin");
            }
            storedCov.add((System.nanoTime() - t0) / 1e9);
        }
        System.out.printf("BENCH ingest into H2 JUnit 10,000 cases: median %.0f ms (%,.0f cases/s); JaCoCo 2,000 classes: median %.0f ms (%.1f MB/s)%n",
                median(stored) * 1000, 10_000 / median(stored), median(storedCov) * 1000, jacocoMb / median(storedCov));

        // gate evaluation on the stored evidence (10,000 results per run, 5 versions)
        for (int i = 0; i < 50; i++) {
            gates.evaluate(new GateRequest("default", "bench", "1.4"));
        }
        List<Double> gate = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long t0 = System.nanoTime();
            gates.evaluate(new GateRequest("default", "bench", "1." + (i % 5)));
            gate.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(gate);
        System.out.printf("BENCH gate evaluation (default rule set, H2): p50 %.1f ms, p95 %.1f ms%n",
                gate.get(gate.size() / 2), gate.get((int) (gate.size() * 0.95)));
    }
}
