package io.clearflow.delivery.stress.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.delivery.stress.results.LoadResultReader;
import io.clearflow.delivery.stress.results.LoadSummary;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figure: a JMeter JTL of 1,000,000 samples (default columns, 40 function codes, 2 h of run) is read
 * in under 5 s, streaming from a file. Not part of the normal test run (see the pom); run it by name:
 * {@code ./mvnw -o -q -pl delivery-pipeline -am test -Dtest=StressResultBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class StressResultBenchmark {

    @Test
    void millionSampleJtl(@TempDir Path dir) throws Exception {
        Path jtl = dir.resolve("run.jtl");
        Random random = new Random(42);
        long start = 1_700_000_000_000L;
        try (BufferedWriter w = Files.newBufferedWriter(jtl, StandardCharsets.UTF_8)) {
            w.write("timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,"
                    + "bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n");
            for (int i = 0; i < 1_000_000; i++) {
                int elapsed = 5 + random.nextInt(200);
                boolean ok = random.nextInt(1000) != 0;
                w.write((start + i * 7L) + "," + elapsed + ",4103" + (i % 40) + "," + (ok ? "200,OK" : "500,\"Error, retry\"")
                        + ",Thread Group 1-" + (i % 200) + ",text," + ok + ",,1024,256,200,200,http://ctrade/api/"
                        + (i % 40) + "," + (elapsed - 2) + ",0,1\n");
            }
        }
        long bytes = Files.size(jtl);
        LoadResultReader reader = new LoadResultReader();
        LoadSummary summary = null;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            try (InputStream in = Files.newInputStream(jtl)) {
                summary = reader.read(in);
            }
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("StressResultBenchmark: %,d samples (%,d MB JTL CSV) read in %d ms (best of 3); "
                        + "throughput %.1f/s, p95 %.0f ms, error rate %.4f%n", summary.samples(), bytes >> 20,
                best / 1_000_000, summary.throughput(), summary.p95Ms(), summary.errorRate());
        assertThat(summary.samples()).isEqualTo(1_000_000);
        assertThat(summary.labels()).hasSize(40);
        assertThat(best).isLessThan(5_000_000_000L);
    }
}
