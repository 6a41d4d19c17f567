package io.clearflow.engine.resilience;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Bounds every statement on PostgreSQL ({@code clearflow.database.statement-timeout}, default 30 s; 0 turns it off): a
 * statement that waits longer (a row another transaction holds locked, a slow disk, a runaway query) is cancelled by
 * the server, the request answers 503 with {@code Retry-After} ({@link DatabaseOutage}) and its thread and connection
 * are free again, so that a slow database cannot take every request thread. Set on each new pooled connection
 * ({@code SET statement_timeout}) unless the operator gave a {@code connection-init-sql} of their own. H2 has its own
 * lock timeout (1 s), whose failure is answered the same way.
 */
class StatementTimeout implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(StatementTimeout.class);

    private final Duration timeout;

    StatementTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** Before initialisation: the pool's properties are bound by then, and no connection is open yet. */
    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                && hikari.getJdbcUrl().startsWith("jdbc:postgresql:") && !timeout.isZero()
                && hikari.getConnectionInitSql() == null) {
            hikari.setConnectionInitSql(initSql(timeout));
            log.info("Statements on data source '{}' are cancelled after {} (clearflow.database.statement-timeout)",
                    beanName, timeout);
        }
        return bean;
    }

    static String initSql(Duration timeout) {
        return "SET statement_timeout = " + timeout.toMillis();
    }
}
