package io.clearflow.demand.api;

import java.time.LocalDate;

/**
 * A demand as submitted. The business department is always the requester's own; it is not part of
 * the request.
 *
 * @param category      one of {@link DemandCategory}
 * @param urgency       one of {@link DemandUrgency}
 * @param regulatory    whether it answers a regulation; then {@code regulationRef} is required
 * @param origin        where it came from when another module raised it, else {@code null}
 */
public record NewDemand(String title, String description, String category, String businessValue, String urgency,
                        boolean regulatory, String regulationRef, LocalDate expectedDate, Origin origin) {

    /** The record another module raised the demand from, e.g. {@code regtech} / {@code assessment/42}. */
    public record Origin(String type, String reference) { }
}
