package io.clearflow.testmetrics.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Cobertura XML, also as coverage.py, Istanbul and gcovr write it. The summary takes the root's
 * {@code lines-covered}, {@code lines-valid}, {@code branches-covered}, {@code branches-valid} when present;
 * older coverage.py and Cobertura 1.9 omit them, and then the {@code <line>} elements are counted: one per
 * file and line number (a line listed under a method and again under its class counts once), covered
 * when {@code hits} &gt; 0, branches from {@code condition-coverage="50% (1/2)"}.
 */
final class CoberturaParser {

    private static final Pattern CONDITIONS = Pattern.compile("\\((\\d+)\\s*/\\s*(\\d+)\\)");

    private CoberturaParser() {
    }

    /** Per line: the highest hits seen, and branch coverage. */
    private static final class Line {
        long hits;
        long branchCovered;
        long branchValid;
    }

    static Map<String, Object> parse(XMLStreamReader r, EvidenceSink sink) throws XMLStreamException {
        Long linesCovered = optional(r, "lines-covered");
        Long linesValid = optional(r, "lines-valid");
        Long branchesCovered = optional(r, "branches-covered");
        Long branchesValid = optional(r, "branches-valid");
        Map<String, TreeMap<Integer, Line>> files = new LinkedHashMap<>();
        Map<String, long[]> packageCounts = new LinkedHashMap<>();
        String packageName = null;
        String className = null;
        String fileName = null;
        TreeMap<Integer, Line> classLines = null;
        long classes = 0;
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                switch (r.getLocalName()) {
                    case "package" -> packageName = r.getAttributeValue(null, "name");
                    case "class" -> {
                        className = r.getAttributeValue(null, "name");
                        fileName = r.getAttributeValue(null, "filename");
                        if (fileName == null) {
                            fileName = className == null ? "" : className;
                        }
                        classLines = new TreeMap<>();
                        classes++;
                    }
                    case "line" -> {
                        if (fileName != null) {
                            long number = SafeXml.count(r, "number", "line");
                            long hits = hits(r.getAttributeValue(null, "hits"));
                            if (number > 0 && number < Integer.MAX_VALUE) {
                                Line line = files.computeIfAbsent(fileName, f -> new TreeMap<>())
                                        .computeIfAbsent((int) number, n -> new Line());
                                line.hits = Math.max(line.hits, hits);
                                String conditions = r.getAttributeValue(null, "condition-coverage");
                                if ("true".equalsIgnoreCase(r.getAttributeValue(null, "branch")) && conditions != null) {
                                    Matcher m = CONDITIONS.matcher(conditions);
                                    if (m.find()) {
                                        long c = Long.parseLong(m.group(1));
                                        long v = Long.parseLong(m.group(2));
                                        if (c > v) {
                                            throw ReportRejectedException.malformed("a <line> has condition-coverage "
                                                    + ReportRejectedException.quote(conditions) + " with more covered than valid");
                                        }
                                        line.branchValid = Math.max(line.branchValid, v);
                                        line.branchCovered = Math.max(line.branchCovered, c);
                                    }
                                }
                                classLines.put((int) number, line);
                            }
                        }
                    }
                    default -> { } // sources, packages, classes, methods, lines, conditions
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if ("class".equals(r.getLocalName()) && classLines != null) {
                    long[] c = count(classLines);
                    sink.coverage(new EvidenceSink.Coverage("class", className == null ? fileName : className,
                            c[0], c[1], c[2], c[3], 0, 0, 0, 0, 0, 0));
                    long[] p = packageCounts.computeIfAbsent(packageName == null ? "" : packageName, n -> new long[4]);
                    for (int i = 0; i < 4; i++) {
                        p[i] += c[i];
                    }
                    classLines = null;
                    fileName = null;
                    className = null;
                }
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw ReportRejectedException.malformed("the XML references an undeclared entity");
            }
        }
        packageCounts.forEach((name, c) -> sink.coverage(new EvidenceSink.Coverage("package", name, c[0], c[1], c[2], c[3],
                0, 0, 0, 0, 0, 0)));
        long[] counted = new long[4];
        for (Map.Entry<String, TreeMap<Integer, Line>> file : files.entrySet()) {
            long[] c = count(file.getValue());
            for (int i = 0; i < 4; i++) {
                counted[i] += c[i];
            }
            LineSet covered = new LineSet();
            LineSet missed = new LineSet();
            file.getValue().forEach((n, line) -> (line.hits > 0 ? covered : missed).add(n));
            sink.coverageFile(file.getKey(), covered, missed);
        }
        boolean fromRoot = linesCovered != null && linesValid != null;
        long lineCovered = fromRoot ? linesCovered : counted[0];
        long lineValid = fromRoot ? linesValid : counted[0] + counted[1];
        boolean branchesFromRoot = branchesCovered != null && branchesValid != null;
        long branchCovered = branchesFromRoot ? branchesCovered : counted[2];
        long branchValid = branchesFromRoot ? branchesValid : counted[2] + counted[3];
        if (lineCovered > lineValid || branchCovered > branchValid) {
            throw ReportRejectedException.malformed("the <coverage> root claims more covered than valid lines or branches");
        }
        sink.coverage(new EvidenceSink.Coverage("report", "report", lineCovered, lineValid - lineCovered, branchCovered,
                branchValid - branchCovered, 0, 0, 0, 0, 0, 0));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("lineCovered", lineCovered);
        summary.put("lineValid", lineValid);
        summary.put("branchCovered", branchCovered);
        summary.put("branchValid", branchValid);
        summary.put("countedFromLines", !fromRoot);
        summary.put("files", (long) files.size());
        summary.put("classes", classes);
        return summary;
    }

    /** line covered, line missed, branch covered, branch missed */
    private static long[] count(Map<Integer, Line> lines) {
        long[] c = new long[4];
        for (Line line : lines.values()) {
            c[line.hits > 0 ? 0 : 1]++;
            c[2] += line.branchCovered;
            c[3] += line.branchValid - line.branchCovered;
        }
        return c;
    }

    private static Long optional(XMLStreamReader r, String attribute) {
        String value = r.getAttributeValue(null, attribute);
        return value == null || value.isBlank() ? null : SafeXml.count(r, attribute, "coverage");
    }

    /** Hits as integers; some tools write large counts as {@code 1.2E7}. */
    private static long hits(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            double d = Double.parseDouble(value.strip());
            if (d < 0 || Double.isNaN(d)) {
                throw ReportRejectedException.malformed("a <line> has negative or invalid hits "
                        + ReportRejectedException.quote(value));
            }
            return (long) Math.min(d, Long.MAX_VALUE);
        } catch (NumberFormatException e) {
            throw ReportRejectedException.malformed("a <line> has non-numeric hits " + ReportRejectedException.quote(value));
        }
    }

}
