package io.clearflow.demand.api;

import io.clearflow.engine.api.Member;
import java.util.Optional;

/**
 * The demand portal's public entry point for other modules. A raised demand goes through the same
 * lifecycle as one submitted on the form: validated the same way, with the raising member as the
 * requester (their department is the business department) and the origin kept as a link.
 */
public interface DemandIntake {

    /** Submits a demand; throws {@code InvalidRequestException} with field errors for bad input. */
    DemandRef raise(Member requester, NewDemand demand);

    /** The demand's current state, or empty when there is no such demand. */
    Optional<DemandRef> find(long demandId);
}
