package io.clearflow.engine.governance.catalog;

import io.clearflow.engine.governance.ValidationReport;
import java.time.Instant;

/**
 * A BPMN model of a scenario. {@code status}: {@code current} (the design being worked on, at most
 * one per scenario), {@code offered} (a draft offered by another module, not adopted yet) or
 * {@code replaced}.
 */
public record Design(long id, String scenarioId, String fileName, String origin, String status, boolean valid,
                     ValidationReport report, String createdBy, Instant createdAt) {
}
