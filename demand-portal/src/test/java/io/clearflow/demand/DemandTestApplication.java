package io.clearflow.demand;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The engine and the demand module on their own, for the demand module's Spring tests. */
@SpringBootApplication(scanBasePackages = "io.clearflow")
public class DemandTestApplication {
}
