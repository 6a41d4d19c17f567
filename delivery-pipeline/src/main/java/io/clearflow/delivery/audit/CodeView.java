package io.clearflow.delivery.audit;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One file as the reviewer sees it: every line of the new version, the removed lines of the old one where they
 * were, and the findings on each line (a finding without a line, or past the end, sits on line 0: the file).
 *
 * @param kind {@code unchanged, added, modified, deleted}
 */
record CodeView(String path, String module, String kind, List<Line> lines, List<Finding> fileFindings) {

    /** {@code type}: {@code same}, {@code added}, {@code removed}; {@code oldLine}/{@code newLine} null where absent. */
    record Line(String type, Integer oldLine, Integer newLine, String text, List<Finding> findings,
                List<Note> annotations) {
    }

    /**
     * An annotation as shown: {@code packageLabel} is where it was written (an earlier package when carried over),
     * {@code reference} the knowledge-base entry it links to, if any.
     */
    record Note(long id, String text, String author, String packageLabel, KnowledgeBaseRepository.Entry reference) {
    }

    static CodeView of(String path, String module, String kind, List<String> before, List<String> after,
                       List<Finding> findings, Map<Integer, List<Note>> notes) {
        Map<Integer, List<Finding>> byLine = new HashMap<>();
        List<Finding> fileFindings = new ArrayList<>();
        for (Finding f : findings) {
            if (f.startLine() == null || f.startLine() < 1 || f.startLine() > after.size()) {
                fileFindings.add(f);
            } else {
                byLine.computeIfAbsent(f.startLine(), l -> new ArrayList<>()).add(f);
            }
        }
        List<Line> lines = new ArrayList<>(after.size() + 16);
        int oldAt = 0, newAt = 0;
        List<AbstractDelta<String>> deltas = before == after ? List.of() : DiffUtils.diff(before, after).getDeltas();
        for (AbstractDelta<String> delta : deltas) {
            int sourceStart = delta.getSource().getPosition();
            while (oldAt < sourceStart) {
                lines.add(same(oldAt++, newAt++, after, byLine, notes));
            }
            for (String removed : delta.getSource().getLines()) {
                lines.add(new Line("removed", ++oldAt, null, removed, List.of(), List.of()));
            }
            for (String added : delta.getTarget().getLines()) {
                newAt++;
                lines.add(new Line("added", null, newAt, added, byLine.getOrDefault(newAt, List.of()),
                        notes.getOrDefault(newAt, List.of())));
            }
        }
        while (newAt < after.size()) {
            lines.add(same(oldAt++, newAt++, after, byLine, notes));
        }
        return new CodeView(path, module, kind, lines, fileFindings);
    }

    private static Line same(int oldIndex, int newIndex, List<String> after, Map<Integer, List<Finding>> byLine,
                             Map<Integer, List<Note>> notes) {
        return new Line("same", oldIndex + 1, newIndex + 1, after.get(newIndex), byLine.getOrDefault(newIndex + 1, List.of()),
                notes.getOrDefault(newIndex + 1, List.of()));
    }
}
