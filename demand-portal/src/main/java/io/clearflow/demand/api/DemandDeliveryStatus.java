package io.clearflow.demand.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a demand stands in delivery, for the demand page: the versions that deliver it and, per environment,
 * what of each version is deployed there. Implemented by the delivery module when it is present; the portal
 * does not depend on delivery and shows nothing without an implementation. Callers check that the reader may
 * see the demand first: the answer carries no more than the demand's requester may know.
 */
public interface DemandDeliveryStatus {

    /** The versions delivering the demand, newest first; empty when none does. */
    List<DeliveredVersion> versionsOf(long demandId);

    /**
     * @param systemName   the application system by name
     * @param stage        the furthest promotion stage any of its artifacts reached (built, test, staging,
     *                     production, as configured), null while it has no artifact
     * @param environments where the version was deployed, one entry per environment and target
     */
    record DeliveredVersion(String systemName, String version, LocalDate plannedDate, String stage,
                            List<EnvironmentStatus> environments) {

        public DeliveredVersion {
            environments = List.copyOf(environments);
        }
    }

    /**
     * The version's latest deployment to one environment.
     *
     * @param environment  dev, test, staging, production (as configured)
     * @param target       the network or cluster, shown when an environment has several
     * @param state        queued, running, succeeded or failed
     * @param shortDigest  the first 12 hex digits of the deployed artifact's SHA-256
     * @param at           when it finished, or was requested while it has not
     * @param current      whether it is still what runs there (no later deployment replaced it)
     */
    record EnvironmentStatus(String environment, String target, String state, String shortDigest, Instant at,
                             boolean current) {
    }
}
