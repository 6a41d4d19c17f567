package io.clearflow.testmetrics.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps what a parser emits, for assertions. */
final class CollectingSink implements EvidenceSink {

    final List<ParsedTestCase> cases = new ArrayList<>();
    final List<Coverage> coverage = new ArrayList<>();
    final Map<String, String[]> files = new LinkedHashMap<>();
    final List<ParsedFinding> findings = new ArrayList<>();

    @Override
    public void testCase(ParsedTestCase testCase) {
        cases.add(testCase);
    }

    @Override
    public void coverage(Coverage counters) {
        coverage.add(counters);
    }

    @Override
    public void coverageFile(String path, LineSet covered, LineSet missed) {
        files.put(path, new String[] {covered.toRanges(), missed.toRanges()});
    }

    @Override
    public void finding(ParsedFinding finding) {
        findings.add(finding);
    }

    ParsedTestCase testCase(String name) {
        return cases.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
