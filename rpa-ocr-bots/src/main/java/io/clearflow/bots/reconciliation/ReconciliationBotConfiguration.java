package io.clearflow.bots.reconciliation;

import io.clearflow.bots.documents.DocumentExtractor;
import io.clearflow.bots.runtime.PlatformClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reconciliation bot of the runtime. Its source is the folder {@code clearflow.bots.reconciliation.folder}
 * (default {@code <clearflow.data-dir>/statements}, i.e. {@code data/statements}; created if missing), or, when
 * {@code clearflow.bots.reconciliation.source-url} is set, an HTTP endpoint listing the statements. It talks to the
 * platform with the runtime's client: the same URL and bot token as every bot.
 */
@Configuration(proxyBeanMethods = false)
public class ReconciliationBotConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationBotConfiguration.class);

    @Bean
    ReconciliationBot reconciliationBot(DocumentExtractor extractor, PlatformClient platform,
            @Value("${clearflow.bots.reconciliation.folder:${clearflow.data-dir:./data}/statements}") String folder,
            @Value("${clearflow.bots.reconciliation.source-url:}") String sourceUrl,
            @Value("${clearflow.bots.reconciliation.source-token:}") String sourceToken,
            @Value("${clearflow.bots.reconciliation.threads:0}") int threads) {
        StatementSource source = sourceUrl.isBlank() ? folder(Path.of(folder).normalize())
                : new HttpStatementSource(URI.create(sourceUrl.strip()), sourceToken, HttpClient.newHttpClient());
        log.info("Reconciliation bot reads statements from {}", source.describe());
        return new ReconciliationBot(new ReconciliationService(source, extractor, new ReconciliationApi(platform),
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), Clock.systemUTC()));
    }

    private static StatementSource folder(Path folder) {
        try {
            return new FolderStatementSource(Files.createDirectories(folder));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the statements folder " + folder.toAbsolutePath(), e);
        }
    }
}
