package io.clearflow.demand.api;

/** A demand as other modules see it: its id, case, state and origin link. */
public record DemandRef(long id, String caseId, DemandState state, String originType, String originReference) {
}
