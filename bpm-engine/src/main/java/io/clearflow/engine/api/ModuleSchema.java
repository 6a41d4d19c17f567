package io.clearflow.engine.api;

/**
 * A module's own database schema: its Flyway migrations and the history table that records them.
 *
 * <p>Each module declares one of these as a bean. Every module keeps its own history table so that
 * modules version their tables independently and a new module never has to fit its migration
 * numbers between another module's.
 *
 * @param module   short module name, used in the history table name ({@code flyway_<module>})
 * @param location Flyway location of the module's migrations, e.g. {@code classpath:db/migration/engine}
 */
public record ModuleSchema(String module, String location) {

    public ModuleSchema {
        if (module == null || !module.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("module name must be lower-case letters, digits and '_': " + module);
        }
    }

    public String historyTable() {
        return "flyway_" + module;
    }
}
