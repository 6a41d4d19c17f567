package io.clearflow.mining.conformance;

import java.util.List;

/**
 * Result of alignment-based conformance (pm4py's alignment-based replay fitness).
 *
 * @param fitness            {@code 1 - sum(cost) / sum(bestWorstCost)} over the aligned cases (pm4py's log_fitness)
 * @param averageCaseFitness mean of the aligned cases' fitness (pm4py's average_trace_fitness)
 * @param alignedCases       cases whose alignment was found within the state limit (200,000 states per variant) and
 *                           the time budget (120 s per log); {@code unalignedCases} the others, left out of every
 *                           figure
 * @param fittingCases       aligned cases with neither log nor model moves
 * @param variants           distinct traces, each aligned once
 * @param nonFittingCases    the 200 worst cases with their alignment
 * @param deviations         per activity: log moves (in the log, not allowed by the model there) and model moves (the
 *                           model needed it, the log does not have it), with the number of cases
 */
public record AlignmentReport(double fitness, double averageCaseFitness, int cases, int alignedCases,
                              int unalignedCases, int fittingCases, double fittingShare, int nonFittingCaseCount,
                              int variants, List<CaseAlignment> nonFittingCases, List<ActivityDeviation> deviations) {

    /** One step of an alignment: a synchronous move, a move on the log only, on the model only, or a silent step. */
    public record Move(Kind kind, String activity) {
        public enum Kind { SYNC, LOG, MODEL, TAU }
    }

    public record CaseAlignment(String caseId, double fitness, long cost, int logMoves, int modelMoves,
                                List<Move> moves) {
    }

    public record ActivityDeviation(String activity, long logMoves, long modelMoves, long cases) {
    }
}
