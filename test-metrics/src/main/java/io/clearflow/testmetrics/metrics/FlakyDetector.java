package io.clearflow.testmetrics.metrics;

import io.clearflow.testmetrics.api.TestStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flaky tests over a window of runs of one version line (oldest first). A test is flaky when, within the
 * window, it passed only after retries in some run (Surefire's {@code flakyFailure}), or its status flips
 * between consecutive runs in which it was executed (passed ↔ failed/error; skipped runs are ignored).
 *
 * <p>History: one letter per run of the window, {@code P} passed, {@code F} failed or error, {@code R}
 * passed after retries, {@code S} skipped, {@code -} absent. Score = (flips + retried passes) / executed
 * runs, at most 1: a test that alternates every run scores 1, one flip in ten runs 0.1.
 */
public final class FlakyDetector {

    /** One observation of a test in one run. */
    public record Observation(String test, int runIndex, TestStatus status, boolean passedAfterRetry) {
    }

    public record FlakyTest(String test, String history, int flips, int retriedPasses, int executedRuns, double score) {
    }

    private FlakyDetector() {
    }

    public static List<FlakyTest> detect(int runs, List<Observation> observations) {
        Map<String, char[]> histories = new LinkedHashMap<>();
        for (Observation o : observations) {
            char[] h = histories.computeIfAbsent(o.test(), t -> "-".repeat(runs).toCharArray());
            if (o.runIndex() < 0 || o.runIndex() >= runs) {
                continue;
            }
            char letter = switch (o.status()) {
                case PASSED -> o.passedAfterRetry() ? 'R' : 'P';
                case FAILED, ERROR -> 'F';
                case SKIPPED -> 'S';
            };
            // a test seen twice in a run (two reports): a failure wins over a pass
            if (h[o.runIndex()] == '-' || letter == 'F' || (letter == 'R' && h[o.runIndex()] == 'P')) {
                h[o.runIndex()] = letter;
            }
        }
        List<FlakyTest> flaky = new ArrayList<>();
        histories.forEach((test, h) -> {
            int flips = 0, retried = 0, executed = 0;
            Boolean lastPassed = null;
            for (char c : h) {
                if (c == '-' || c == 'S') {
                    continue;
                }
                executed++;
                boolean passed = c == 'P' || c == 'R';
                if (c == 'R') {
                    retried++;
                }
                if (lastPassed != null && lastPassed != passed) {
                    flips++;
                }
                lastPassed = passed;
            }
            if (flips + retried > 0) {
                double score = Math.min(1.0, (double) (flips + retried) / executed);
                flaky.add(new FlakyTest(test, new String(h), flips, retried, executed, score));
            }
        });
        flaky.sort(Comparator.comparingDouble(FlakyTest::score).reversed().thenComparing(FlakyTest::test));
        return flaky;
    }
}
