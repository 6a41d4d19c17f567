package io.clearflow.engine.resilience;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the platform behaves while a dependency is down; see the README's fault matrix. */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    /** Static: a post-processor must exist before the data source it waits for. */
    @Bean
    static DatabaseStartupWait databaseStartupWait(@Value("${clearflow.startup.database-wait:PT2M}") Duration patience) {
        return new DatabaseStartupWait(patience);
    }

    /** Static for the same reason: it configures the pool before its first connection. */
    @Bean
    static StatementTimeout statementTimeout(@Value("${clearflow.database.statement-timeout:PT30S}") Duration timeout) {
        return new StatementTimeout(timeout);
    }
}
