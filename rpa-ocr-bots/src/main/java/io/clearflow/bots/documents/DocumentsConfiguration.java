package io.clearflow.bots.documents;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the extraction service. {@code clearflow.rpa.documents.types-file} replaces the built-in document types
 * with a firm's own file; {@code clearflow.rpa.tessdata} is Tesseract's data folder (Debian's by default).
 */
@Configuration(proxyBeanMethods = false)
public class DocumentsConfiguration {

    @Bean(destroyMethod = "close")
    DocumentExtractor documentExtractor(@Value("${clearflow.rpa.documents.types-file:}") String typesFile,
                                        @Value("${clearflow.rpa.tessdata:" + TesseractOcr.DEFAULT_DATAPATH + "}") String tessdata) {
        return new DocumentExtractor(DocumentTypes.load(typesFile), tessdata);
    }
}
