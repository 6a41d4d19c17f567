package io.clearflow.engine.persistence;

import io.clearflow.engine.api.ModuleSchema;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Runs every module's Flyway migrations at start-up, each module against its own history table.
 * Flowable manages its own ACT_* tables; these are only ClearFlow's tables.
 */
@Component
class ModuleSchemaMigrator implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ModuleSchemaMigrator.class);

    private final DataSource dataSource;
    private final List<ModuleSchema> schemas;

    public ModuleSchemaMigrator(DataSource dataSource, List<ModuleSchema> schemas) {
        this.dataSource = dataSource;
        // the engine's own tables first, then the modules in a fixed order: bean order depends on
        // classpath scanning, and a module migrated into an empty schema records no baseline row
        this.schemas = schemas.stream()
                .sorted(java.util.Comparator.comparing((ModuleSchema s) -> !s.module().equals("engine"))
                        .thenComparing(ModuleSchema::module))
                .toList();
    }

    @Override
    public void afterPropertiesSet() {
        for (ModuleSchema schema : schemas) {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(schema.location())
                    .table(schema.historyTable())
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            log.info("Schema of module '{}' at version {} ({} migrations applied)",
                    schema.module(), result.targetSchemaVersion, result.migrationsExecuted);
        }
    }
}
