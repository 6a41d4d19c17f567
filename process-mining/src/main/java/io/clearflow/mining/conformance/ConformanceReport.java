package io.clearflow.mining.conformance;

import java.util.List;

/**
 * Result of token replay.
 *
 * @param fitness             log fitness from the summed tokens: 1/2 (1 - m/c) + 1/2 (1 - r/p)
 * @param averageCaseFitness  mean of the cases' fitness
 * @param fittingShare        share of cases with neither missing nor remaining tokens
 * @param nonFittingCaseCount all non-fitting cases; {@code nonFittingCases} lists the worst 200
 * @param deviations          per activity (or place before an activity, "end" for a case that never
 *                            reached an end event): tokens missing when it fired and tokens left in front
 *                            of it at the end, with the number of cases
 * @param alignments          optimal alignments of the same log on the same model ({@code null} when not asked)
 */
public record ConformanceReport(double fitness, double averageCaseFitness, int cases, int fittingCases,
                                double fittingShare, long missingTokens, long remainingTokens, long consumedTokens,
                                long producedTokens, int nonFittingCaseCount, List<CaseFitness> nonFittingCases,
                                List<Deviation> deviations, AlignmentReport alignments) {

    /** The same token-replay figures with the alignments of the same log and model beside them. */
    public ConformanceReport withAlignments(AlignmentReport report) {
        return new ConformanceReport(fitness, averageCaseFitness, cases, fittingCases, fittingShare, missingTokens,
                remainingTokens, consumedTokens, producedTokens, nonFittingCaseCount, nonFittingCases, deviations,
                report);
    }

    public record CaseFitness(String caseId, double fitness, long missing, long remaining, long consumed,
                              long produced, List<String> activities) {
    }

    public record Deviation(String activity, long missingTokens, long remainingTokens, long cases) {
    }
}
