package io.clearflow.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/** The shared real event logs; never copied into the project. */
public final class SharedData {

    private SharedData() {
    }

    /** Imports a shared log strictly, with the default (XES-named) CSV columns. */
    public static io.clearflow.mining.log.EventLog load(String name) throws java.io.IOException {
        return io.clearflow.mining.importer.LogImporter.importFile(eventLog(name), null,
                io.clearflow.mining.log.ImportOptions.strict()).log();
    }

    public static Path eventLog(String name) {
        Path root = Path.of(System.getProperty("clearflow.shared.data", "../../shared/data"));
        Path file = root.resolve("eventlogs").resolve(name);
        assertThat(file).as("shared event log %s (set -Dclearflow.shared.data to the shared data folder)",
                file.toAbsolutePath()).isRegularFile();
        return file;
    }

}
