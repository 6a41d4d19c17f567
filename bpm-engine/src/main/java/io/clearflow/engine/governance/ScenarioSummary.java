package io.clearflow.engine.governance;

/**
 * A business scenario of the catalog in brief.
 *
 * @param stage            where it is in the five steps: identified, not-suitable, classified, designed, published
 * @param mode             accepted process mode (electronic, self-service, intelligent), {@code null} before classification
 * @param processKey       Flowable process definition key, {@code null} before the first publication
 * @param activeVersion    scenario version number now active, {@code null} before the first publication
 */
public record ScenarioSummary(String id, String name, String ownerDepartment, String businessCategory,
                              String stage, String mode, String processKey, Integer activeVersion) {
}
