package io.clearflow.delivery.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The seed's review-size rules: a review unit holds at most {@code unitLines} changed lines (400: beyond it
 * the defect-detection rate drops) and is estimated at the review speed, so that no unit takes more than an
 * hour. Units stay inside one module (a reviewer owns business areas); a region larger than a unit is cut.
 */
final class ReviewUnits {

    record Part(String path, int fromLine, int lines) {
    }

    record Unit(int no, String module, int changedLines, int minutes, List<Part> parts) {
    }

    private ReviewUnits() {
    }

    static List<Unit> split(List<PackageDiff.FileChange> changes, int unitLines, int linesPerHour) {
        Map<String, List<PackageDiff.FileChange>> byModule = new TreeMap<>();
        changes.stream().filter(c -> c.changedLines() > 0)
                .forEach(c -> byModule.computeIfAbsent(c.module(), m -> new ArrayList<>()).add(c));
        List<Unit> units = new ArrayList<>();
        byModule.forEach((module, files) -> {
            List<Part> parts = new ArrayList<>();
            int size = 0;
            for (PackageDiff.FileChange file : files) {
                for (PackageDiff.Hunk hunk : file.hunks()) {
                    int line = hunk.line(), left = hunk.lines();
                    while (left > 0) {
                        if (size == unitLines) {
                            units.add(unit(units.size() + 1, module, size, parts, linesPerHour));
                            parts = new ArrayList<>();
                            size = 0;
                        }
                        int take = Math.min(left, unitLines - size);
                        parts.add(new Part(file.path(), line, take));
                        size += take;
                        line += take;
                        left -= take;
                    }
                }
            }
            if (size > 0) {
                units.add(unit(units.size() + 1, module, size, parts, linesPerHour));
            }
        });
        return units;
    }

    private static Unit unit(int no, String module, int lines, List<Part> parts, int linesPerHour) {
        int minutes = (int) Math.ceil(lines * 60.0 / linesPerHour);
        return new Unit(no, module, lines, Math.max(1, minutes), List.copyOf(parts));
    }
}
