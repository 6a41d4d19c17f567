package io.clearflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The runnable platform: every module under {@code io.clearflow.*} assembled into one application.
 * Each module is a top-level package (engine, demand, delivery, bots, mining, testmetrics, regtech).
 *
 * <p>With the {@code migrate} profile ({@code clearflow.migrate-only=true}) it prepares the database and exits: Flowable's
 * schema, every module's Flyway migrations, the bundled process deployments and the first users. Several nodes that
 * start together on an empty database would race on exactly these steps, so a Kubernetes Job (or compose's first node)
 * runs them once before the replicas start.
 */
@SpringBootApplication
@EnableScheduling
public class ClearFlowApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(ClearFlowApplication.class, args);
        if (context.getEnvironment().getProperty("clearflow.migrate-only", Boolean.class, false)) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
