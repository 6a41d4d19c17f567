package io.clearflow.testmetrics.metrics;

import io.clearflow.testmetrics.ingest.LineSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines a unified diff ({@code git diff}) adds or changes, per file of the new side. Deleted files and
 * removed lines have no new line and count for nothing.
 */
public final class ChangedLines {

    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@");

    private ChangedLines() {
    }

    public static Map<String, LineSet> parse(String diff) {
        Map<String, LineSet> files = new LinkedHashMap<>();
        if (diff == null) {
            return files;
        }
        LineSet current = null;
        int line = 0;
        for (String text : diff.split("\r?\n", -1)) {
            if (text.startsWith("+++ ")) {
                String path = text.substring(4).strip();
                int tab = path.indexOf('\t');
                path = tab >= 0 ? path.substring(0, tab) : path;
                if (path.equals("/dev/null")) {
                    current = null;
                } else {
                    path = path.startsWith("b/") ? path.substring(2) : path;
                    current = files.computeIfAbsent(path, p -> new LineSet());
                }
                continue;
            }
            if (text.startsWith("--- ") || text.startsWith("diff ") || text.startsWith("index ")) {
                continue;
            }
            Matcher hunk = HUNK.matcher(text);
            if (hunk.find()) {
                line = Integer.parseInt(hunk.group(1));
                continue;
            }
            if (current == null || line == 0) {
                continue;
            }
            if (text.startsWith("+")) {
                current.add(line++);
            } else if (text.startsWith(" ") || text.isEmpty()) {
                line++;
            }
            // '-' lines are not in the new file; '\ No newline at end of file' is not a line
        }
        files.values().removeIf(s -> s.size() == 0);
        return files;
    }
}
