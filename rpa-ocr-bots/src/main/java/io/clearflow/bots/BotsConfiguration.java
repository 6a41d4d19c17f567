package io.clearflow.bots;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.bots.runtime.BotMetrics;
import io.clearflow.bots.runtime.BotRuntime;
import io.clearflow.bots.runtime.BotStore;
import io.clearflow.bots.runtime.BotTokenSource;
import io.clearflow.bots.runtime.BotsProperties;
import io.clearflow.bots.runtime.ExternalWorkerClient;
import io.clearflow.bots.runtime.PlatformClient;
import io.clearflow.bots.runtime.ScheduledBot;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bot runtime of this module, the same in the platform JVM and on a separate bot host: its store
 * (own Flyway history {@code flyway_rpa}), the HTTP client to the platform and the runtime itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BotsProperties.class)
public class BotsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BotsConfiguration.class);

    /** The runtime's tables, migrated on their own history table: this module depends on no platform code. */
    public record RpaSchema(String version) { }

    @Bean
    RpaSchema rpaSchema(DataSource dataSource) {
        var result = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/rpa").table("flyway_rpa")
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        log.info("Schema of the bot runtime at version {} ({} migrations applied)", result.targetSchemaVersion,
                result.migrationsExecuted);
        return new RpaSchema(result.targetSchemaVersion);
    }

    @Bean
    BotStore botStore(RpaSchema schema, DataSource dataSource, ObjectProvider<MeterRegistry> meters) {
        // the platform exports the counters at /actuator/prometheus; a bot host without a registry only counts
        MeterRegistry registry = meters.getIfAvailable();
        return new BotStore(dataSource, registry == null ? BotMetrics.unexported() : new BotMetrics(registry));
    }

    /** The platform's base URL: configured, or (in the platform JVM) its own port once the server is up. */
    @Bean
    PlatformAddress platformAddress(BotsProperties properties) {
        return new PlatformAddress(properties.platformUrl());
    }

    @Bean
    PlatformClient platformClient(PlatformAddress address, BotsProperties properties, ObjectProvider<BotTokenSource> tokens) {
        return new PlatformClient(address::get, new BotToken(properties.token(), tokens), new ObjectMapper().findAndRegisterModules());
    }

    @Bean
    ExternalWorkerClient externalWorkerClient(PlatformClient platform) {
        return new ExternalWorkerClient(platform);
    }

    @Bean
    BotRuntime botRuntime(List<ScheduledBot> bots, BotStore store, ExternalWorkerClient worker, BotsProperties properties,
                          ApplicationEventPublisher events) {
        return new BotRuntime(bots, store, worker, properties, events);
    }
}
