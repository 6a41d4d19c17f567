package io.clearflow.rpa;

import io.clearflow.bots.runtime.Bot;
import io.clearflow.bots.runtime.BotJob;
import io.clearflow.bots.runtime.BotOutcome;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Bots for the runtime tests: {@code probe} does what the test sets, {@code ticker} runs every second. */
@TestConfiguration(proxyBeanMethods = false)
class RpaTestBots {

    interface Handler {
        BotOutcome handle(BotJob job) throws Exception;
    }

    static final AtomicReference<Handler> PROBE = new AtomicReference<>(job -> BotOutcome.done(Map.of()));

    static Bot bot(String name, String topic, String cron, Handler handler) {
        return new Bot() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String topic() {
                return topic;
            }

            @Override
            public String defaultCron() {
                return cron;
            }

            @Override
            public BotOutcome handle(BotJob job) throws Exception {
                return handler.handle(job);
            }
        };
    }

    @Bean
    Bot probeBot() {
        return bot("probe", "rpa.probe", "", job -> PROBE.get().handle(job));
    }

    @Bean
    Bot tickerBot() {
        return bot("ticker", "rpa.ticker", "* * * * * *", job -> BotOutcome.done(Map.of("ticked", true)));
    }
}
