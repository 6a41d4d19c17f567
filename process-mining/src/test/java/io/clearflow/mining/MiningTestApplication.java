package io.clearflow.mining;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The engine and the mining module on their own, for the mining module's Spring tests. */
@SpringBootApplication(scanBasePackages = "io.clearflow")
@EnableScheduling
public class MiningTestApplication {
}
