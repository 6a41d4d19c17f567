package io.clearflow.mining.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.mining.metrics.HandMadeLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Case filters on {@link HandMadeLog}: c1 starts in January and lasts 8h, c2 in February and lasts 4h50m. */
class LogFilterTest {

    private final EventLog log = HandMadeLog.build();

    private static final LogFilter NONE = LogFilter.none();

    private List<String> cases(LogFilter filter) {
        EventLog filtered = filter.apply(log);
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < filtered.caseCount(); c++) {
            ids.add(filtered.caseId(c));
        }
        return ids;
    }

    @Test
    void eachFilterSelectsWholeCases() {
        assertThat(cases(NONE)).containsExactly("c1", "c2");
        assertThat(cases(new LogFilter(Instant.parse("2026-02-01T00:00:00Z"), null, null, null, null, null, null, null)))
                .containsExactly("c2");
        assertThat(cases(new LogFilter(null, Instant.parse("2026-02-02T09:00:00Z"), null, null, null, null, null, null)))
                .containsExactly("c1");
        assertThat(cases(new LogFilter(null, null, null, "carol", null, null, null, null))).containsExactly("c1");
        assertThat(cases(new LogFilter(null, null, null, null, "B", null, null, null))).containsExactly("c1", "c2");
        assertThat(cases(new LogFilter(null, null, "approve", null, null, null, null, null))).containsExactly("c1", "c2");
        assertThat(cases(new LogFilter(null, null, null, null, null, List.of("submit", "submit", "review"), null, null)))
                .containsExactly("c2");
        assertThat(cases(new LogFilter(null, null, null, null, null, null, 5 * 3_600_000L, null))).containsExactly("c1");
        assertThat(cases(new LogFilter(null, null, null, null, null, null, null, 5 * 3_600_000L))).containsExactly("c2");
    }

    @Test
    void aFilteredLogKeepsEveryEventOfTheKeptCases() {
        EventLog c2 = new LogFilter(null, null, null, "alice", null, List.of("submit", "submit", "review"), null, null)
                .apply(log);

        assertThat(c2.eventCount()).isEqualTo(10);
        assertThat(c2.lifecycleName(c2.lifecycle(c2.eventCount() - 1))).isEqualTo("withdraw");
        assertThat(NONE.apply(log)).isSameAs(log);
    }
}
