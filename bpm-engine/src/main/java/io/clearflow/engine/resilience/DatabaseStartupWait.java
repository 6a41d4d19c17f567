package io.clearflow.engine.resilience;

import java.sql.Connection;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Waits for the database when the platform starts before it (a whole stack started at once, a fail-over under way):
 * the data source is tried with back-off (1 s doubling to 15 s), each wait logged with what it waits for, until
 * {@code clearflow.startup.database-wait} (default 2 minutes) has passed; only then does the start fail. Without it
 * Flowable's schema check fails at the first refused connection and the node exits.
 */
class DatabaseStartupWait implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(DatabaseStartupWait.class);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(15);

    private final Duration patience;

    DatabaseStartupWait(Duration patience) {
        this.patience = patience;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            awaitDatabase(dataSource, beanName);
        }
        return bean;
    }

    void awaitDatabase(DataSource dataSource, String name) {
        long deadline = System.nanoTime() + patience.toNanos();
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                if (attempt > 1) {
                    log.info("Database of data source '{}' reached after {} attempts", name, attempt);
                }
                return;
            } catch (Exception e) {
                if (DatabaseOutage.in(e).isEmpty() || System.nanoTime() + pause.toNanos() > deadline) {
                    throw new IllegalStateException("database of data source '" + name + "' not reachable"
                            + (DatabaseOutage.in(e).isEmpty() ? "" : " within " + patience) + ": " + e.getMessage(), e);
                }
                log.warn("Waiting for the database of data source '{}' (attempt {}, next in {} s, giving up after {}): {}",
                        name, attempt, pause.toSeconds(), patience, e.getMessage());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
