package io.clearflow.engine;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The engine module on its own, for its tests (the platform application lives in deploy). */
@SpringBootApplication
@EnableScheduling
public class EngineTestApplication {
}
