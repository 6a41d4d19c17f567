package io.clearflow.testmetrics.api;

import java.io.InputStream;
import java.util.function.Consumer;

/**
 * SARIF 2.1.0 logs read for other modules (the delivery pipeline's code audit keeps its own findings): the
 * same parser as test-metrics' own static-analysis uploads, so a result's effective level and fingerprint are
 * the same wherever a log is read. The log is read as a stream, one run in memory at a time.
 */
public interface SarifFindings {

    /**
     * Reads the log and hands over each result in order.
     *
     * @return the counts by effective level
     * @throws io.clearflow.engine.api.InvalidRequestException when the upload is not a readable SARIF 2.1.0 log
     *         (its message says why, without quoting the content)
     */
    Counts read(InputStream in, Consumer<Finding> each);

    /**
     * One result.
     *
     * @param level       effective level (SARIF §3.27.10): {@code error, warning, note, none}
     * @param uri         the first location's artifact URI as given, may be null
     * @param startLine   the first location's start line, may be null
     * @param fingerprint the tool's fingerprints when given, else a digest of tool, rule, file and message
     * @param suppression {@code kind/status: justification} of an accepted in-log suppression, else null
     */
    record Finding(String tool, String ruleId, String level, String message, String uri, Integer startLine,
                   String fingerprint, String suppression) {
    }

    record Counts(long results, long error, long warning, long note, long none) {
    }
}
