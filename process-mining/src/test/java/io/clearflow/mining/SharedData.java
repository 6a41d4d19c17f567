package io.clearflow.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/** The shared real event logs; never copied into the project. */
public final class SharedData {

    private SharedData() {
    }

    public static Path eventLog(String name) {
        Path root = Path.of(System.getProperty("clearflow.shared.data", "../../shared/data"));
        Path file = root.resolve("eventlogs").resolve(name);
        assertThat(file).as("shared event log %s (set -Dclearflow.shared.data to the shared data folder)",
                file.toAbsolutePath()).isRegularFile();
        return file;
    }

}
