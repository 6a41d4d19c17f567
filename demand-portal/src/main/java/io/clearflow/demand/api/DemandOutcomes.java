package io.clearflow.demand.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Read access for the IT cockpit and the year-end review: how a department's demands ended (the historical
 * success rate of business demands) and the demands it had delivered, with value and workload and whether
 * each was evaluated and split (the demand–evaluation–execution links of the data-completeness chain).
 * {@code department} {@code null} means every department; dates are inclusive UTC days; callers decide who may
 * read which department.
 */
public interface DemandOutcomes {

    /**
     * Demands decided (closed: delivered and accepted, or rejected) in the period, by when they were closed.
     *
     * @param decided       closed demands (DONE or REJECTED)
     * @param delivered     closed as DONE (the requester accepted the delivery)
     * @param estimatedDays the evaluation's estimate summed over the delivered demands (person-days)
     * @param actualDays    the recorded actual effort summed over the delivered demands (person-days)
     */
    record Outcome(long decided, long delivered, BigDecimal estimatedDays, BigDecimal actualDays) {
    }

    Outcome outcome(String department, LocalDate from, LocalDate to);

    /**
     * A decided demand.
     *
     * @param delivered  closed as DONE (accepted by the requester); false when rejected
     * @param valueScore the evaluation's value score, null when it was never scored
     * @param evaluated  an estimate was recorded (the evaluation link)
     * @param split      it was split into at least one development task (the execution link)
     */
    record DecidedDemand(long id, String title, String department, LocalDate closedOn, boolean delivered,
                         Integer valueScore, BigDecimal estimateDays, BigDecimal actualDays, boolean evaluated, boolean split) {
    }

    /** Demands closed (DONE or REJECTED) in the period, oldest first. */
    List<DecidedDemand> decided(String department, LocalDate from, LocalDate to);
}
