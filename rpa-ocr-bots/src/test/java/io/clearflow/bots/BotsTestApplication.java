package io.clearflow.bots;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The bots module on its own, as the platform assembles it (every package below {@code io.clearflow.bots}), for the
 * module's Spring tests. {@link BotHostApplication} is no candidate: it is active only with the {@code bot-host} profile.
 */
@SpringBootApplication(scanBasePackages = "io.clearflow")
public class BotsTestApplication {
}
