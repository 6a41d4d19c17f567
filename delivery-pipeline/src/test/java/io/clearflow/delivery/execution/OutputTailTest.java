package io.clearflow.delivery.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTailTest {

    @Test
    void keepsTheLast64KiBStartingAtALine() {
        OutputTail tail = new OutputTail();
        for (int i = 0; i < 10_000; i++) {
            tail.append("line " + i + "\n");
        }
        String text = tail.text();
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(OutputTail.MAX_BYTES);
        assertThat(text).startsWith("line ").endsWith("line 9999\n");
        assertThat(text.length()).isGreaterThan(OutputTail.MAX_BYTES - 100);
    }

    @Test
    void neverStartsInsideACharacter(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("log");
        Files.writeString(file, "部署".repeat(30_000)); // 3 bytes each, no line break
        String text = OutputTail.ofFile(file);
        assertThat(text).doesNotContain("\uFFFD").endsWith("部署");
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(OutputTail.MAX_BYTES);
        assertThat(OutputTail.ofFile(dir.resolve("missing"))).isEmpty();
    }
}
