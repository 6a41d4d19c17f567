package io.clearflow.regtech;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The engine, the demand portal and the regtech module on their own, for the module's Spring tests. */
@SpringBootApplication(scanBasePackages = "io.clearflow")
public class RegtechTestApplication {
}
