package io.clearflow.mining.discovery;

import io.clearflow.engine.governance.GovernanceCatalog;
import io.clearflow.engine.governance.ScenarioSummary;
import io.clearflow.mining.log.EventLog;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Offers a discovered model to the governance catalog as a design draft of a scenario: the
 * identification step of the five-step method may start from a mining finding. The scenario's
 * owner adopts or ignores the draft in the catalog; nothing is published from here.
 */
@Service
public class DesignDraftOffering {

    /** What was offered, to whom, and from where. */
    public record DraftOffer(String scenarioId, String draftId, String origin) { }

    private final DiscoveryService discovery;
    private final GovernanceCatalog catalog;

    DesignDraftOffering(DiscoveryService discovery, GovernanceCatalog catalog) {
        this.discovery = discovery;
        this.catalog = catalog;
    }

    /** The scenarios a draft can be offered to, newest first. */
    public List<ScenarioSummary> scenarios() {
        return catalog.scenarios();
    }

    /** A discovered model drawn as the catalog draws a scenario's design; empty when it cannot be drawn. */
    public java.util.Optional<byte[]> preview(byte[] bpmn) {
        return catalog.diagramPng(bpmn);
    }

    /**
     * Discovers a model from the log and offers it to the scenario.
     *
     * @throws io.clearflow.engine.api.NotFoundException unknown scenario
     */
    public DraftOffer offer(String logId, EventLog log, Double noise, String scenarioId, String offeredBy) {
        ScenarioSummary scenario = catalog.scenario(scenarioId)
                .orElseThrow(() -> new io.clearflow.engine.api.NotFoundException("scenario", scenarioId));
        byte[] bpmn = DraftForScenario.complete(discovery.discoverBpmn(log, noise, log.name()), scenario);
        // the catalog says the origin in words: the log's name after its id (bpm-engine's AuditDetails.origin)
        String name = log.name() == null ? "" : log.name().strip();
        String origin = "process-mining:" + logId + (noise == null ? "" : "?noise=" + noise)
                + (name.isEmpty() ? "" : " (" + (name.length() > 120 ? name.substring(0, 120) : name) + ")");
        return new DraftOffer(scenarioId, catalog.offerDesignDraft(scenarioId, bpmn, origin, offeredBy), origin);
    }
}
