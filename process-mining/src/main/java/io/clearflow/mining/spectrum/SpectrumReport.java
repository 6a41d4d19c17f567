package io.clearflow.mining.spectrum;

import java.util.List;

/**
 * The performance spectrum of one segment: every time a case went from {@code source} directly to {@code target}.
 *
 * @param segments          occurrences with both times known
 * @param untimedSegments   occurrences left out because an event has no timestamp
 * @param quartilesMs       the durations' first quartile, median and third quartile (empty without segments)
 * @param binned            whether {@code lines} are bins (more segments than the line limit) instead of single cases
 * @param binMs             width of a time bin when binned, else 0
 * @param lines             single segments (with case id) or bins (with count), by start time
 */
public record SpectrumReport(String source, String target, long segments, long untimedSegments,
                             List<Long> quartilesMs, boolean binned, long binMs, List<Line> lines) {

    /**
     * @param caseId     the case, or {@code null} for a bin
     * @param start      when the case left {@code source} (a bin's middle when binned), epoch ms
     * @param end        when it reached {@code target}
     * @param durationMs end − start (a bin's mean)
     * @param quartile   1 (fastest quarter) to 4 (slowest), by the durations' quartiles
     * @param count      segments in the line (1 for a single case)
     */
    public record Line(String caseId, long start, long end, long durationMs, int quartile, long count) {
    }
}
