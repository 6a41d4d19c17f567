package io.clearflow.delivery.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.delivery.audit.AuditBenchmarkAccess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figure of issue 15: diff of a 50,000-file package pair in under 30 s (unpacking both included). 2 % of
 * the files change (a few lines each), 0.2 % are added and removed; the rest is skipped by hash. Not a test:
 * run with {@code -Dtest='PackageDiffBenchmark' -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PackageDiffBenchmark {

    static final int FILES = 50_000;

    @TempDir Path dir;

    @Test
    void fiftyThousandFilePackagePair() throws Exception {
        Path before = dir.resolve("v1.tar.gz");
        Path after = dir.resolve("v2.tar.gz");
        write(before, false);
        write(after, true);
        long start = System.nanoTime();
        int[] result;
        try (InputStream a = Files.newInputStream(before); InputStream b = Files.newInputStream(after)) {
            result = AuditBenchmarkAccess.unpackAndDiff(a, b, dir.resolve("work"));
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("50,000-file package pair: %d ms; %d changed files, %d changed lines, %d review units%n",
                ms, result[0], result[1], result[2]);
        assertThat(result[0]).isEqualTo(FILES / 50 + 2 * (FILES / 500));
        assertThat(ms).isLessThan(30_000);
    }

    /** Files of 120 lines in 200 modules; the second version changes every 50th file and swaps every 500th. */
    private static void write(Path archive, boolean second) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(archive), 65536))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (int i = 0; i < FILES; i++) {
                String name = "module" + (i % 200) + "/src/file" + i + ".c";
                if (i % 500 == 0) {
                    name = second ? "module" + (i % 200) + "/src/new" + i + ".c" : name;
                }
                StringBuilder text = new StringBuilder();
                for (int line = 0; line < 120; line++) {
                    boolean changed = second && i % 50 == 1 && line % 40 == 7;
                    text.append(changed ? "    int changed_" : "    int value_").append(i).append('_').append(line).append(" = ")
                            .append(line).append(";\n");
                }
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(name, true);
                entry.setSize(bytes.length);
                tar.putArchiveEntry(entry);
                tar.write(bytes);
                tar.closeArchiveEntry();
            }
        }
    }
}
