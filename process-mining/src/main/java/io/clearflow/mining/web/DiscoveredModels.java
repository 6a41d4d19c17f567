package io.clearflow.mining.web;

import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.mining.discovery.DesignDraftOffering;
import io.clearflow.mining.discovery.DiscoveryService;
import io.clearflow.mining.log.EventLog;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** The model discovered from a log: to download, to look at, or to offer to a governance scenario. */
@Component
class DiscoveredModels {

    private final LogResolver resolver;
    private final DiscoveryService discovery;
    private final DesignDraftOffering drafts;
    private final CurrentUser currentUser;

    DiscoveredModels(LogResolver resolver, DiscoveryService discovery, DesignDraftOffering drafts,
                     CurrentUser currentUser) {
        this.resolver = resolver;
        this.discovery = discovery;
        this.drafts = drafts;
        this.currentUser = currentUser;
    }

    /** BPMN and the file name it downloads as. */
    record DiscoveredModel(byte[] bpmn, String attachment) {
    }

    /** @param name the process's name, null for the log's */
    DiscoveredModel discover(String id, LogParameters parameters, Double noise, String name) {
        EventLog log = resolver.resolve(id, parameters);
        String processName = name == null ? log.name() : name;
        byte[] bpmn = discovery.discoverBpmn(log, noise, processName);
        return new DiscoveredModel(bpmn, DiscoveredModelFile.attachment(processName, LocalDate.now()));
    }

    /** The discovered model drawn as the catalog draws designs. */
    byte[] preview(String id, LogParameters parameters, Double noise) {
        EventLog log = resolver.resolve(id, parameters);
        return drafts.preview(discovery.discoverBpmn(log, noise, log.name()))
                .orElseThrow(() -> new NotFoundException("diagram of the discovered model", id));
    }

    DesignDraftOffering.DraftOffer offer(String id, LogParameters parameters, String scenarioId, Double noise) {
        return drafts.offer(id, resolver.resolve(id, parameters), noise, scenarioId, currentUser.get().userId());
    }
}
