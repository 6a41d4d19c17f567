package io.clearflow.mining.web;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.mining.conformance.BpmnModelException;
import io.clearflow.mining.conformance.ConformanceReport;
import io.clearflow.mining.conformance.ConformanceService;
import io.clearflow.mining.discovery.DiscoveryService;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.store.MiningProperties;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Replays a log on a model: an uploaded BPMN file, a deployed process, or the model discovered from the log itself.
 * Decides which model the request names and refuses what cannot be checked.
 */
@Component
class LogConformance {

    private final LogResolver resolver;
    private final ConformanceService conformance;
    private final DiscoveryService discovery;
    private final MiningProperties properties;
    private final MessageSource messages;

    LogConformance(LogResolver resolver, ConformanceService conformance, DiscoveryService discovery,
                   MiningProperties properties, MessageSource messages) {
        this.resolver = resolver;
        this.conformance = conformance;
        this.discovery = discovery;
        this.properties = properties;
        this.messages = messages;
    }

    /** The API's check: exactly one of an uploaded model, a deployed process's key or the discovery noise. */
    ConformanceReport check(String id, LogParameters parameters, MultipartFile model, String modelProcessKey,
                            Double discoveredNoise) throws IOException {
        int given = (model == null || model.isEmpty() ? 0 : 1) + (modelProcessKey == null || modelProcessKey.isBlank() ? 0 : 1)
                + (discoveredNoise == null ? 0 : 1);
        if (given != 1) {
            throw new InvalidRequestException("mining.error.modelChoice");
        }
        EventLog log = resolver.resolve(id, parameters);
        if (discoveredNoise != null) {
            if (!(discoveredNoise >= 0 && discoveredNoise <= 1)) {
                throw new InvalidRequestException("mining.error.discoveredNoise");
            }
            return conformance.check(log, discovery.discoverBpmn(log, discoveredNoise, log.name()));
        }
        try {
            if (model != null && !model.isEmpty()) {
                if (model.getSize() > properties.maxUploadSize().toBytes()) {
                    throw new InvalidRequestException("mining.error.modelSize", Map.of(),
                            String.valueOf(properties.maxUploadSize()));
                }
                return conformance.check(log, model.getBytes());
            }
            return conformance.checkDeployed(log, modelProcessKey);
        } catch (BpmnModelException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    /**
     * The page's check on an uploaded model: the page's attribute {@code conformance} with the report, or
     * {@code conformanceError} with the refusal in the reader's language, never the parser's English.
     */
    Map<String, Object> checkUploaded(String id, String processKey, MultipartFile model) throws IOException {
        if (model.isEmpty()) {
            return Map.of("conformanceError", messages.getMessage("mining.conformance.noFile", null,
                    "mining.conformance.noFile", LocaleContextHolder.getLocale()));
        }
        try {
            return Map.of("conformance", conformance.check(resolver.resolve(id, LogParameters.ofProcess(processKey)),
                    model.getBytes()));
        } catch (BpmnModelException e) {
            return Map.of("conformanceError",
                    messages.getMessage(e.reasonKey(), e.reasonArgs(), LocaleContextHolder.getLocale()));
        }
    }

    /** Token replay and alignments of the log on the model discovered from it (IMf, default noise). */
    ConformanceReport checkDiscovered(String id, String processKey) {
        EventLog log = resolver.resolve(id, LogParameters.ofProcess(processKey));
        return conformance.check(log, discovery.discoverBpmn(log, null, log.name()));
    }
}
