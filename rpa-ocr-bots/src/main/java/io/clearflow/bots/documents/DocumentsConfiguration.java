package io.clearflow.bots.documents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires OCR and the extraction service. {@code clearflow.ocr.tessdata} is Tesseract's data folder (Debian's by
 * default); {@code clearflow.rpa.documents.types-file} replaces the built-in document types with a firm's own file.
 * Whether OCR can run is probed once here; a JVM without it still starts (see {@link OcrStatus}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OcrProperties.class)
public class DocumentsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DocumentsConfiguration.class);

    @Bean
    OcrStatus ocrStatus(OcrProperties properties) {
        OcrStatus status = OcrStatus.probe(properties.tessdata());
        if (status.available()) {
            log.info("OCR available: Tesseract with chi_sim and eng from {}", status.datapath());
        } else {
            log.warn("OCR unavailable: {}. Scanned documents go to people until then; to enable OCR: {}",
                    status.reason(), status.remedy());
        }
        return status;
    }

    @Bean(destroyMethod = "close")
    DocumentExtractor documentExtractor(@Value("${clearflow.rpa.documents.types-file:}") String typesFile, OcrStatus ocr) {
        return new DocumentExtractor(DocumentTypes.load(typesFile), ocr);
    }

    /** In the platform (actuator present) OCR is the health component {@code ocr}; a bot host without actuator skips it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        @Bean
        OcrHealthIndicator ocrHealthIndicator(OcrStatus ocr) {
            return new OcrHealthIndicator(ocr);
        }
    }
}
