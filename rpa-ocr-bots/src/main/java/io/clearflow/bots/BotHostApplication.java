package io.clearflow.bots;

import io.clearflow.bots.documents.DocumentsConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * The bots as a separate process on a bot host, talking to the platform over HTTP:
 * {@code java -jar rpa-ocr-bots-<version>-exec.jar --clearflow.bots.platform-url=https://platform:8080
 * --clearflow.bots.token=cf_...}. Its store is an H2 file in {@code ./bot-data} unless
 * {@code spring.datasource.*} says otherwise. Inside the platform this class is inert (profile
 * {@code bot-host}), and the platform's own context runs the same bots.
 */
@Profile(BotHostApplication.PROFILE)
@SpringBootApplication(scanBasePackages = {"io.clearflow.bots.runtime", "io.clearflow.bots.accountopening",
        "io.clearflow.bots.reconciliation"})
@Import({BotsConfiguration.class, DocumentsConfiguration.class})
public class BotHostApplication {

    static final String PROFILE = "bot-host";

    public static void main(String[] args) {
        new SpringApplicationBuilder(BotHostApplication.class).profiles(PROFILE).web(WebApplicationType.NONE).run(args);
    }
}
