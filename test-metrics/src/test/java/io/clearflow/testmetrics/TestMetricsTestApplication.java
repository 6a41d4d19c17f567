package io.clearflow.testmetrics;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The engine and the test-metrics module on their own, for the module's Spring tests. */
@SpringBootApplication(scanBasePackages = "io.clearflow")
public class TestMetricsTestApplication {
}
