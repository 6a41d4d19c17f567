package io.clearflow.delivery;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The engine, demand portal, test metrics and the delivery module, for the module's Spring tests. */
@SpringBootApplication(scanBasePackages = "io.clearflow")
public class DeliveryTestApplication {
}
