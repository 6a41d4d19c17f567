package io.clearflow.testmetrics.metrics;

import io.clearflow.testmetrics.ingest.LineSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Coverage of the changed lines: among the lines the diff adds or changes that a coverage report knows as
 * executable, the share that is covered. A diff path matches a report path when one ends with the other on
 * a '/' boundary ({@code src/main/java/io/x/A.java} and JaCoCo's {@code io/x/A.java}).
 */
public final class ChangedCodeCoverage {

    /** @param covered changed executable lines covered; {@code executable} changed lines the reports know */
    public record Result(long covered, long executable, List<String> matchedFiles, List<String> unmatchedFiles) {
        public Double percent() {
            return executable == 0 ? null : 100.0 * covered / executable;
        }
    }

    /** Covered and missed lines of one source file, as a report gave them. */
    public record FileCoverage(String path, LineSet covered, LineSet missed) {
    }

    private ChangedCodeCoverage() {
    }

    public static Result compute(Map<String, LineSet> changed, List<FileCoverage> files) {
        long covered = 0, executable = 0;
        List<String> matched = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (var entry : changed.entrySet()) {
            FileCoverage file = match(entry.getKey(), files);
            if (file == null) {
                unmatched.add(entry.getKey());
                continue;
            }
            matched.add(entry.getKey());
            LineSet lines = entry.getValue();
            for (int line : lines.toArray()) {
                if (file.covered().contains(line)) {
                    covered++;
                    executable++;
                } else if (file.missed().contains(line)) {
                    executable++;
                }
            }
        }
        return new Result(covered, executable, matched, unmatched);
    }

    static FileCoverage match(String diffPath, List<FileCoverage> files) {
        FileCoverage best = null;
        for (FileCoverage f : files) {
            String p = f.path();
            if (p.equals(diffPath) || diffPath.endsWith("/" + p) || p.endsWith("/" + diffPath)) {
                if (best == null || p.length() > best.path().length()) {
                    best = f;
                }
            }
        }
        return best;
    }
}
