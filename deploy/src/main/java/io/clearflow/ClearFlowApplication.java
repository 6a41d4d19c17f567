package io.clearflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The runnable platform: every module under {@code io.clearflow.*} assembled into one application.
 * Each module is a top-level package (engine, demand, delivery, bots, mining, testmetrics, regtech).
 */
@SpringBootApplication
@EnableScheduling
public class ClearFlowApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClearFlowApplication.class, args);
    }
}
