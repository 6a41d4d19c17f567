package io.clearflow.demand.lifecycle;

import io.clearflow.demand.api.DemandState;
import java.time.Instant;

/** One business state change of a demand: who moved it where, and why. */
public record DemandHistoryEntry(DemandState from, DemandState to, String actor, Instant at, String note) {
}
