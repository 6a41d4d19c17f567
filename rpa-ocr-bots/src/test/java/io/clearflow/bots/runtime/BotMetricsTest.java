package io.clearflow.bots.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The counters the bots dashboard and the failing-bot alert read. */
class BotMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BotMetrics metrics = new BotMetrics(registry);

    @Test
    void everyBotHasItsCountersAtZeroBeforeItRuns() {
        metrics.prepare(List.of("reconciliation"));
        for (String outcome : BotMetrics.ITEM_OUTCOMES) {
            assertThat(registry.get("clearflow.bot.items").tags("bot", "reconciliation", "outcome", outcome).counter().count())
                    .isZero();
        }
        assertThat(registry.get("clearflow.bot.runs").tags("bot", "reconciliation", "outcome", "error").counter().count())
                .isZero();
    }

    @Test
    void itemsAndRunsCountByOutcome() {
        metrics.prepare(List.of("ocr"));
        metrics.item("ocr", "failed");
        metrics.item("ocr", "failed");
        metrics.item("ocr", "bpmn-error"); // an outcome not registered ahead of time
        metrics.run("ocr", true);
        metrics.run("ocr", false);
        assertThat(registry.get("clearflow.bot.items").tags("bot", "ocr", "outcome", "failed").counter().count()).isEqualTo(2);
        assertThat(registry.get("clearflow.bot.items").tags("bot", "ocr", "outcome", "bpmn-error").counter().count()).isEqualTo(1);
        assertThat(registry.get("clearflow.bot.items").tags("bot", "ocr", "outcome", "done").counter().count()).isZero();
        assertThat(registry.get("clearflow.bot.runs").tags("bot", "ocr", "outcome", "error").counter().count()).isEqualTo(1);
        assertThat(registry.get("clearflow.bot.runs").tags("bot", "ocr", "outcome", "ok").counter().count()).isEqualTo(1);
    }
}
