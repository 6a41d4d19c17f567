package io.clearflow.mining.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.mining.csv.ColumnMapping;
import io.clearflow.mining.log.LogFilter;
import io.clearflow.mining.log.LogFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogStoreTest {

    private static final ColumnMapping MAPPING = new ColumnMapping("Case", "Step", "At", null, null, null, null, null);

    @TempDir
    Path dataDir;

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    private LogStore store(int maxLogs, int maxEvents) {
        return new LogStore(dataDir, new MiningProperties(maxLogs, maxEvents, null, Duration.ofDays(1)), json);
    }

    private static ByteArrayInputStream csv(int events) {
        StringBuilder text = new StringBuilder("Case,Step,At\n");
        for (int i = 0; i < events; i++) {
            text.append("c,s").append(i).append(",2024-01-01T00:00:0").append(i % 10).append("Z\n");
        }
        return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theLeastRecentlyUsedLogLeavesMemoryAndIsReimportedFromItsFile() throws IOException {
        LogStore store = store(2, 100);
        String first = store.importLog("a.csv", csv(3), MAPPING, false).id();
        String second = store.importLog("b.csv", csv(4), MAPPING, false).id();
        store.get(first); // now the second is the least recently used
        String third = store.importLog("c.csv", csv(5), MAPPING, false).id();

        assertThat(store.isCached(second)).isFalse();
        assertThat(store.isCached(first)).isTrue();
        assertThat(store.isCached(third)).isTrue();
        assertThat(store.get(second).log().eventCount()).isEqualTo(4);
        assertThat(store.get(second).log().name()).isEqualTo("b.csv");
    }

    @Test
    void aFilteredUploadIsReimportedWithItsFilter() throws IOException {
        String xes = """
                <log xmlns="http://www.xes-standard.org/">
                <trace><string key="concept:name" value="early"/>
                  <event><string key="concept:name" value="a"/><date key="time:timestamp" value="2024-01-01T00:00:00Z"/></event>
                  <event><string key="concept:name" value="b"/><date key="time:timestamp" value="2024-01-01T01:00:00Z"/></event></trace>
                <trace><string key="concept:name" value="late"/>
                  <event><string key="concept:name" value="a"/><date key="time:timestamp" value="2024-06-01T00:00:00Z"/></event></trace>
                </log>""";
        LogFilter june = new LogFilter(java.time.Instant.parse("2024-05-01T00:00:00Z"), null, null, null, null, null,
                null, null);
        String id = store(10, 100).importLog("two.xes", new ByteArrayInputStream(xes.getBytes(StandardCharsets.UTF_8)),
                null, false, null, june).id();
        // a new store (a restart): the log is read again from its file, with the saved filter
        var again = store(10, 100).get(id).log();
        assertThat(again.caseCount()).isEqualTo(1);
        assertThat(again.caseId(0)).isEqualTo("late");
    }

    @Test
    void theEventBudgetEvictsToo() throws IOException {
        LogStore store = store(10, 10);
        String first = store.importLog("a.csv", csv(6), MAPPING, false).id();
        String second = store.importLog("b.csv", csv(6), MAPPING, false).id();

        assertThat(store.isCached(first)).isFalse();
        assertThat(store.isCached(second)).isTrue();
    }

    @Test
    void aFailedImportLeavesNothingBehind() throws IOException {
        LogStore store = store(2, 100);
        assertThatThrownBy(() -> store.importLog("a.csv", csv(3), new ColumnMapping("Nope", null, null, null, null,
                null, null, null), false)).isInstanceOf(LogFormatException.class);
        assertThatThrownBy(() -> store.importLog("big.csv", csv(101), MAPPING, false))
                .hasMessageContaining("more than 100 events");

        try (var files = Files.list(dataDir.resolve("mining"))) {
            assertThat(files).isEmpty();
        }
        assertThatThrownBy(() -> store.get("../../etc/passwd")).isInstanceOf(NotFoundException.class);
    }
}
