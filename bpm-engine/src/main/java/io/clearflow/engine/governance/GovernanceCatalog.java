package io.clearflow.engine.governance;

import java.util.List;
import java.util.Optional;

/**
 * What other modules may ask of the governance catalog. Calls run with the platform's authority
 * (no signed-in member is needed), so callers are trusted modules, never a pass-through for users.
 */
public interface GovernanceCatalog {

    /**
     * Offers a BPMN model as a design draft of a scenario, e.g. a model discovered by process mining.
     * The draft is stored and validated but not adopted: the scenario's owner decides in the UI.
     *
     * @param origin    where it comes from, e.g. {@code process-mining:discovery-42}
     * @param offeredBy the member or module that offers it
     * @return the id of the stored draft
     * @throws io.clearflow.engine.api.NotFoundException       unknown scenario
     * @throws io.clearflow.engine.api.InvalidRequestException empty or oversized model, missing origin
     */
    String offerDesignDraft(String scenarioId, byte[] bpmnXml, String origin, String offeredBy);

    /**
     * Opens a scenario in the catalog on a module's behalf (identification, step 1), with the same
     * checks as the governance page; its owner department classifies and designs it from there.
     *
     * @return the new scenario's id
     * @throws io.clearflow.engine.api.InvalidRequestException a missing or invalid field (unknown source
     *         type, department or category, oversized text), with field errors; nothing is stored
     */
    String openScenario(NewScenario scenario);

    /** The scenario in brief, if it exists. */
    Optional<ScenarioSummary> scenario(String scenarioId);

    /** Every scenario of the catalog, newest first. */
    List<ScenarioSummary> scenarios();

    /** The BPMN of the scenario's active (newest published) version; empty before the first publication. */
    Optional<byte[]> activeModel(String scenarioId);

    /** Validates a BPMN file with Flowable's validator and the platform's rules; never throws for bad input. */
    ValidationReport validate(byte[] bpmn);

    /**
     * The model drawn as PNG the way the catalog draws a scenario's design (from its BPMN DI, Chinese labels
     * readable); empty for a file that cannot be read or has no diagram information. Never throws for bad input.
     */
    Optional<byte[]> diagramPng(byte[] bpmn);
}
