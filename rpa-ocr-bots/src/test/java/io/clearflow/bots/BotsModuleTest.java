package io.clearflow.bots;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.bots.runtime.BotRunFinished;
import io.clearflow.bots.runtime.BotRuntime;
import io.clearflow.bots.runtime.BotSource;
import io.clearflow.bots.runtime.RunReport;
import io.clearflow.bots.runtime.SourceBot;
import io.clearflow.bots.runtime.SourceRun;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The bots module booted alone (it depends on no other module; Spring Modulith's module test, not the whole platform),
 * and the event it publishes: a run started now ends with {@link BotRunFinished}, carrying the run's stored report.
 *
 * <p>The run works on the runtime's threads. Modulith captures events on the test's thread and the threads it starts,
 * so this class starts exactly one run: the runtime's pool creates its first thread for it, from the test's thread.
 */
@ApplicationModuleTest(verifyAutomatically = false)
@ActiveProfiles("test")
class BotsModuleTest {

    static final String PROBE = "module-probe";

    @Autowired BotRuntime bots;
    @Autowired ApplicationContext context;

    @Test
    void bootsTheBotsOnly() {
        assertThat(context.getBeanNamesForType(BotRuntime.class)).hasSize(1);
        assertThat(context.containsBean("botsTestApplication")).isTrue();
        assertThat(bots.bots()).extracting(status -> status.name()).contains(PROBE);
    }

    @Test
    void aRunStartedNowPublishesItsReportWhenItFinishes(Scenario scenario) {
        // outside a transaction: the run's rows are written on the runtime's threads and must be visible there
        scenario.stimulate(transactions -> bots.runNow(PROBE, "module-test"))
                .andWaitForEventOfType(BotRunFinished.class)
                .matching(finished -> finished.run().bot().equals(PROBE))
                .toArriveAndVerify((finished, started) -> {
                    RunReport run = finished.run();
                    assertThat(run.id()).isEqualTo(started.id());
                    assertThat(run.startedBy()).isEqualTo("module-test");
                    assertThat(run.finishedAt()).isNotNull();
                    assertThat(run.itemsDone()).isEqualTo(1);
                    assertThat(run.errors()).isNull();
                    assertThat(bots.run(run.id())).contains(run);
                });
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ProbeBot {

        /** A source bot with one item per run, on demand only. */
        @Bean
        SourceBot moduleProbe() {
            return new SourceBot() {
                @Override
                public String name() {
                    return PROBE;
                }

                @Override
                public String defaultCron() {
                    return "";
                }

                @Override
                public BotSource source() {
                    return new BotSource("folder", "module-test");
                }

                @Override
                public void run(SourceRun run) {
                    run.item(new SourceRun.SourceItem("item-1", "probe.txt", null, SourceRun.Outcome.DONE, Instant.now(), 1,
                            "done"));
                }
            };
        }
    }
}
