package io.clearflow.testmetrics.ingest;

import io.clearflow.testmetrics.api.TestStatus;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * JUnit XML as Surefire/Failsafe, Gradle, pytest, jest-junit, go-junit-report and .NET converters write
 * it: {@code <testsuites>} or a bare {@code <testsuite>} root, suites nested at any depth. Counts come from
 * the {@code <testcase>} elements only; the suites' {@code tests}/{@code failures} attributes are ignored
 * because tools get them wrong. Several {@code <failure>}s of one case are one failure; Surefire's
 * {@code flakyFailure}/{@code flakyError} beside a pass mean passed and flaky; {@code rerunFailure}/
 * {@code rerunError} count the reruns of a case that failed every time.
 */
final class JUnitParser {

    static final int TEXT_LIMIT = 4000;
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private JUnitParser() {
    }

    /** Reads from the root element (already current) to the end; returns the summary. */
    static Map<String, Object> parse(XMLStreamReader r, EvidenceSink sink) throws XMLStreamException {
        long tests = 0, failures = 0, errors = 0, skipped = 0, flaky = 0, durationMs = 0;
        Deque<String> suites = new ArrayDeque<>();
        if ("testsuite".equals(r.getLocalName())) {
            suites.push(attr(r, "name"));
        }
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                if ("testcase".equals(name)) {
                    EvidenceSink.ParsedTestCase c = testCase(r, suites.peek());
                    sink.testCase(c);
                    tests++;
                    durationMs += c.durationMs();
                    switch (c.status()) {
                        case ERROR -> errors++;
                        case FAILED -> failures++;
                        case SKIPPED -> skipped++;
                        default -> { }
                    }
                    if (c.flaky()) {
                        flaky++;
                    }
                } else if ("testsuite".equals(name)) {
                    suites.push(attr(r, "name"));
                    depth++;
                } else {
                    // properties, system-out, system-err of a suite: nothing counted from them
                    SafeXml.skip(r);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if ("testsuite".equals(r.getLocalName()) && !suites.isEmpty()) {
                    suites.pop();
                }
                depth--;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw ReportRejectedException.malformed("the XML references an undeclared entity");
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("tests", tests);
        summary.put("failures", failures);
        summary.put("errors", errors);
        summary.put("skipped", skipped);
        summary.put("passed", tests - failures - errors - skipped);
        summary.put("flaky", flaky);
        summary.put("durationMs", durationMs);
        return summary;
    }

    private static EvidenceSink.ParsedTestCase testCase(XMLStreamReader r, String suite) throws XMLStreamException {
        String name = attr(r, "name");
        if (name == null) {
            throw ReportRejectedException.malformed("a <testcase> at line " + r.getLocation().getLineNumber()
                    + " has no name attribute");
        }
        String className = attr(r, "classname");
        if (className == null) {
            className = suite;
        }
        long durationMs = millis(attr(r, "time"), name);
        boolean failure = false, error = false, skippedCase = false, flakyRun = false;
        int reruns = 0;
        String message = null, detail = null;
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String child = r.getLocalName();
                switch (child) {
                    case "error", "failure" -> {
                        boolean firstProblem = !failure && !error;
                        boolean errorBeatsFailure = "error".equals(child) && !error;
                        if ("error".equals(child)) {
                            error = true;
                        } else {
                            failure = true;
                        }
                        String m = attr(r, "message");
                        String text = SafeXml.text(r, TEXT_LIMIT);
                        if (firstProblem || errorBeatsFailure) {
                            message = cut(m != null ? m : firstLine(text));
                            detail = cut(text);
                        }
                    }
                    case "skipped" -> {
                        skippedCase = true;
                        String m = attr(r, "message");
                        SafeXml.skip(r);
                        if (message == null && m != null) {
                            message = cut(m);
                        }
                    }
                    case "flakyFailure", "flakyError" -> {
                        flakyRun = true;
                        reruns++;
                        SafeXml.skip(r);
                    }
                    case "rerunFailure", "rerunError" -> {
                        reruns++;
                        SafeXml.skip(r);
                    }
                    default -> SafeXml.skip(r); // system-out, system-err, properties, anything a tool adds
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw ReportRejectedException.malformed("the XML references an undeclared entity");
            }
        }
        TestStatus status = error ? TestStatus.ERROR : failure ? TestStatus.FAILED
                : skippedCase ? TestStatus.SKIPPED : TestStatus.PASSED;
        boolean flaky = flakyRun && status == TestStatus.PASSED;
        return new EvidenceSink.ParsedTestCase(cut(suite), cut(className), cut(name), status, durationMs, flaky,
                reruns, status == TestStatus.PASSED ? null : message, status == TestStatus.PASSED ? null : detail);
    }

    /** Seconds as written by the tools ({@code 0.012}, {@code 1,234.5}, empty) to milliseconds. */
    static long millis(String time, String testName) {
        if (time == null || time.isBlank()) {
            return 0;
        }
        String t = time.strip();
        if (GROUPED.matcher(t).matches()) {
            t = t.replace(",", "");
        }
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw ReportRejectedException.malformed("testcase " + ReportRejectedException.quote(testName)
                    + " has a time that is not a number of seconds: " + ReportRejectedException.quote(time));
        }
        if (seconds.signum() < 0) {
            throw ReportRejectedException.malformed("testcase " + ReportRejectedException.quote(testName)
                    + " has a negative time: " + ReportRejectedException.quote(time));
        }
        if (seconds.compareTo(BigDecimal.valueOf(10_000_000L)) > 0) {
            throw ReportRejectedException.malformed("testcase " + ReportRejectedException.quote(testName)
                    + " has an implausible time: " + ReportRejectedException.quote(time));
        }
        return seconds.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).longValue();
    }

    private static String attr(XMLStreamReader r, String name) {
        return r.getAttributeValue(null, name);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).strip();
    }

    static String cut(String s) {
        if (s == null) {
            return null;
        }
        return s.length() > TEXT_LIMIT - 1 ? s.substring(0, TEXT_LIMIT - 1) : s;
    }
}
