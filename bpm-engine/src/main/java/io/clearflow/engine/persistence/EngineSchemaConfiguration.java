package io.clearflow.engine.persistence;

import io.clearflow.engine.api.ModuleSchema;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineSchemaConfiguration {

    @Bean
    ModuleSchema engineSchema() {
        return new ModuleSchema("engine", "classpath:db/migration/engine");
    }

    /**
     * Flowable starts processes (and so writes event-log rows) as soon as it is built, so our tables
     * must exist first: asking for the migrator here orders it before the engine.
     */
    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> migrateBeforeEngine(ModuleSchemaMigrator migrator) {
        return configuration -> { };
    }
}
