package io.clearflow.testmetrics.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * JaCoCo's XML report: counters (instruction, branch, line, method, class) of the report, each package
 * and each class, and the covered/missed lines of every source file. The summary comes from the
 * report-level counters (or, when a report has none, from the sum of its packages).
 */
final class JacocoParser {

    private JacocoParser() {
    }

    /** Mutable counters while a scope is open. */
    static final class Counters {
        final long[] covered = new long[5];
        final long[] missed = new long[5];
        boolean any;

        static int index(String type) {
            return switch (type == null ? "" : type) {
                case "LINE" -> 0;
                case "BRANCH" -> 1;
                case "INSTRUCTION" -> 2;
                case "METHOD" -> 3;
                case "CLASS" -> 4;
                default -> -1;
            };
        }

        void add(Counters other) {
            for (int i = 0; i < 5; i++) {
                covered[i] += other.covered[i];
                missed[i] += other.missed[i];
            }
            any |= other.any;
        }

        EvidenceSink.Coverage as(String scope, String name) {
            return new EvidenceSink.Coverage(scope, name, covered[0], missed[0], covered[1], missed[1], covered[2],
                    missed[2], covered[3], missed[3], covered[4], missed[4]);
        }
    }

    static Map<String, Object> parse(XMLStreamReader r, EvidenceSink sink) throws XMLStreamException {
        Counters report = new Counters();
        Counters packagesTotal = new Counters();
        Counters pkg = null;
        Counters cls = null;
        String packageName = null;
        String className = null;
        String sourceFile = null;
        LineSet covered = null;
        LineSet missed = null;
        boolean inMethod = false;
        int groups = 0;
        long packages = 0, classes = 0;
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                switch (r.getLocalName()) {
                    case "package" -> {
                        packageName = attr(r, "name");
                        pkg = new Counters();
                        packages++;
                    }
                    case "class" -> {
                        className = attr(r, "name");
                        cls = new Counters();
                        classes++;
                    }
                    case "method" -> inMethod = true;
                    case "sourcefile" -> {
                        sourceFile = attr(r, "name");
                        covered = new LineSet();
                        missed = new LineSet();
                    }
                    case "line" -> {
                        if (covered != null) {
                            long nr = SafeXml.count(r, "nr", "line");
                            long ci = SafeXml.count(r, "ci", "line");
                            long mi = SafeXml.count(r, "mi", "line");
                            if (nr > 0 && nr < Integer.MAX_VALUE) {
                                if (ci > 0) {
                                    covered.add((int) nr);
                                } else if (mi > 0) {
                                    missed.add((int) nr);
                                }
                            }
                        }
                    }
                    case "counter" -> {
                        int i = Counters.index(attr(r, "type"));
                        if (i >= 0 && !inMethod && sourceFile == null) {
                            long c = SafeXml.count(r, "covered", "counter");
                            long m = SafeXml.count(r, "missed", "counter");
                            // a group's own counters repeat its packages' sums: only the report's count
                            Counters target = cls != null ? cls : pkg != null ? pkg : groups > 0 ? null : report;
                            if (target != null) {
                                target.covered[i] += c;
                                target.missed[i] += m;
                                target.any = true;
                            }
                        }
                    }
                    case "group" -> groups++;
                    default -> { } // sessioninfo
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                switch (r.getLocalName()) {
                    case "method" -> inMethod = false;
                    case "group" -> groups--;
                    case "class" -> {
                        if (cls != null) {
                            sink.coverage(cls.as("class", className));
                        }
                        cls = null;
                    }
                    case "sourcefile" -> {
                        if (covered != null && (covered.size() + missed.size()) > 0) {
                            String path = packageName == null || packageName.isEmpty()
                                    ? sourceFile : packageName + "/" + sourceFile;
                            sink.coverageFile(path, covered, missed);
                        }
                        sourceFile = null;
                        covered = null;
                        missed = null;
                    }
                    case "package" -> {
                        if (pkg != null) {
                            sink.coverage(pkg.as("package", packageName == null ? "" : packageName.replace('/', '.')));
                            packagesTotal.add(pkg);
                        }
                        pkg = null;
                        packageName = null;
                    }
                    default -> { }
                }
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw ReportRejectedException.malformed("the XML references an undeclared entity");
            }
        }
        Counters total = report.any ? report : packagesTotal;
        sink.coverage(total.as("report", "report"));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("lineCovered", total.covered[0]);
        summary.put("lineMissed", total.missed[0]);
        summary.put("branchCovered", total.covered[1]);
        summary.put("branchMissed", total.missed[1]);
        summary.put("instructionCovered", total.covered[2]);
        summary.put("instructionMissed", total.missed[2]);
        summary.put("methodCovered", total.covered[3]);
        summary.put("methodMissed", total.missed[3]);
        summary.put("classCovered", total.covered[4]);
        summary.put("classMissed", total.missed[4]);
        summary.put("packages", packages);
        summary.put("classes", classes);
        return summary;
    }

    private static String attr(XMLStreamReader r, String name) {
        return r.getAttributeValue(null, name);
    }
}
