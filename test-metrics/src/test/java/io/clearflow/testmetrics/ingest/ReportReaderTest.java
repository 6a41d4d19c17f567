package io.clearflow.testmetrics.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearflow.testmetrics.api.TestStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every sample of the corpus in {@code src/test/resources/reports} (real-shaped reports of each tool,
 * counted by hand), without Spring. Hostile samples must be refused with a message naming the problem.
 */
class ReportReaderTest {

    static ReportReader.Parsed read(String resource, CollectingSink sink) throws IOException {
        try (InputStream in = ReportReaderTest.class.getResourceAsStream("/reports/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            return ReportReader.read(in, sink);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // file, tests, failures, errors, skipped, flaky
            "junit/surefire-TEST-io.clearflow.ctrade.OrderServiceTest.xml, 6, 1, 0, 1, 1",
            "junit/failsafe-TEST-io.clearflow.ctrade.SettlementIT.xml,     3, 0, 1, 0, 1",
            "junit/gradle-TEST-com.example.ledger.LedgerTest.xml,          4, 1, 0, 1, 0",
            "junit/pytest-junit.xml,                                       5, 1, 1, 1, 0",
            "junit/jest-junit.xml,                                         4, 1, 0, 1, 0",
            "junit/go-junit-report.xml,                                    4, 1, 0, 1, 0",
            "junit/dotnet-junitlogger.xml,                                 3, 1, 0, 0, 0",
            "junit/nested-suites.xml,                                      4, 2, 1, 0, 0",
            "junit/bom-no-declaration.xml,                                 2, 0, 0, 0, 0",
    })
    void junitCountsComeFromTestcaseElements(String file, long tests, long failures, long errors, long skipped,
                                             long flaky) throws IOException {
        CollectingSink sink = new CollectingSink();
        ReportReader.Parsed parsed = read(file, sink);
        assertThat(parsed.format()).isEqualTo(ReportFormat.JUNIT);
        assertThat(parsed.summary()).containsEntry("tests", tests).containsEntry("failures", failures)
                .containsEntry("errors", errors).containsEntry("skipped", skipped).containsEntry("flaky", flaky);
        assertThat(sink.cases).hasSize((int) tests);
    }

    @Test
    void surefireFlakyRerunsAndTimes() throws IOException {
        CollectingSink sink = new CollectingSink();
        read("junit/surefire-TEST-io.clearflow.ctrade.OrderServiceTest.xml", sink);
        var cancels = sink.testCase("cancelsOrder");
        assertThat(cancels.status()).isEqualTo(TestStatus.PASSED);
        assertThat(cancels.flaky()).isTrue();
        assertThat(cancels.reruns()).isEqualTo(1);
        var matches = sink.testCase("matchesCrossOrders");
        assertThat(matches.status()).isEqualTo(TestStatus.FAILED);
        assertThat(matches.flaky()).isFalse();
        assertThat(matches.reruns()).isEqualTo(2);
        assertThat(matches.message()).isEqualTo("expected: <2> but was: <1>");
        assertThat(matches.detail()).contains("OrderServiceTest.java:88");
        assertThat(sink.testCase("rejectsOrderOverLimit").durationMs()).isEqualTo(1_204_500); // "1,204.5" s
        assertThat(sink.testCase("placesLimitOrder").durationMs()).isEqualTo(412);
        assertThat(sink.testCase("settlesT1").message()).isEqualTo("T+1 calendar not loaded");
    }

    @Test
    void nestedSuitesSeveralFailuresAndPrecedence() throws IOException {
        CollectingSink sink = new CollectingSink();
        read("junit/nested-suites.xml", sink);
        var parametric = sink.testCase("parametricVar");
        assertThat(parametric.status()).isEqualTo(TestStatus.FAILED);
        assertThat(parametric.message()).isEqualTo("first");
        assertThat(parametric.className()).as("class from the enclosing suite").isEqualTo("risk.var");
        assertThat(sink.testCase("breach").status()).isEqualTo(TestStatus.ERROR);
        assertThat(sink.testCase("breach").message()).isEqualTo("NullPointerException");
        assertThat(sink.testCase("skippedAndFailed").status()).isEqualTo(TestStatus.FAILED);
    }

    @Test
    void pytestJestGoAndDotnetMessages() throws IOException {
        CollectingSink pytest = new CollectingSink();
        read("junit/pytest-junit.xml", pytest);
        assertThat(pytest.testCase("test_feed_connects").status()).isEqualTo(TestStatus.ERROR);
        assertThat(pytest.testCase("test_feed_connects").message()).contains("ConnectionError: feed down");
        assertThat(pytest.testCase("test_initial_margin[bond]").className()).isEqualTo("tests.test_margin");
        CollectingSink jest = new CollectingSink();
        read("junit/jest-junit.xml", jest);
        assertThat(jest.testCase("OrderTicket submits on enter").message())
                .as("no message attribute: first line of the text").isEqualTo("Error: expect(jest.fn()).toHaveBeenCalledTimes(expected)");
        CollectingSink go = new CollectingSink();
        read("junit/go-junit-report.xml", go);
        assertThat(go.testCase("TestParseQuote/empty_symbol").status()).isEqualTo(TestStatus.PASSED);
        assertThat(go.testCase("TestStaleQuote").detail()).contains("quote age 31s");
        CollectingSink bom = new CollectingSink();
        read("junit/bom-no-declaration.xml", bom);
        assertThat(bom.testCase("读取中文名称").durationMs()).isEqualTo(10);
        assertThat(bom.testCase("second").durationMs()).as("empty time").isZero();
    }

    @Test
    void jacocoWithItsDoctypeFetchesNothing() throws IOException {
        CollectingSink sink = new CollectingSink();
        ReportReader.Parsed parsed = read("coverage/jacoco.xml", sink);
        assertThat(parsed.format()).isEqualTo(ReportFormat.JACOCO);
        assertThat(parsed.summary()).containsEntry("lineCovered", 10L).containsEntry("lineMissed", 5L)
                .containsEntry("branchCovered", 5L).containsEntry("branchMissed", 1L)
                .containsEntry("instructionCovered", 36L).containsEntry("methodMissed", 2L)
                .containsEntry("classes", 3L).containsEntry("packages", 2L);
        var orderService = sink.coverage.stream().filter(c -> c.name().equals("io/clearflow/ctrade/order/OrderService"))
                .findFirst().orElseThrow();
        assertThat(orderService.scope()).isEqualTo("class");
        assertThat(orderService.lineCovered()).isEqualTo(8);
        assertThat(orderService.lineMissed()).isEqualTo(4);
        var pkg = sink.coverage.stream().filter(c -> c.scope().equals("package") && c.name().equals("io.clearflow.ctrade.order"))
                .findFirst().orElseThrow();
        assertThat(pkg.branchCovered()).isEqualTo(3);
        assertThat(sink.files.get("io/clearflow/ctrade/order/OrderService.java"))
                .containsExactly("14-16,19-21,23-24", "22,30-32");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // file, lineCovered, lineValid, branchCovered, branchValid, countedFromLines
            "coverage/cobertura-istanbul.xml,        7, 9, 2, 4, false",
            "coverage/gcovr.xml,                     3, 5, 1, 4, false",
            "coverage/coveragepy-7.xml,              4, 6, 1, 2, false",
            "coverage/coveragepy-old-no-totals.xml,  4, 7, 0, 0, true",
            "coverage/cobertura-1.9.xml,             4, 7, 1, 2, true",
    })
    void coberturaTotalsOrCountedLines(String file, long lineCovered, long lineValid, long branchCovered,
                                       long branchValid, boolean counted) throws IOException {
        CollectingSink sink = new CollectingSink();
        ReportReader.Parsed parsed = read(file, sink);
        assertThat(parsed.format()).isEqualTo(ReportFormat.COBERTURA);
        assertThat(parsed.summary()).containsEntry("lineCovered", lineCovered).containsEntry("lineValid", lineValid)
                .containsEntry("branchCovered", branchCovered).containsEntry("branchValid", branchValid)
                .containsEntry("countedFromLines", counted);
    }

    @Test
    void cobertura19CountsALineListedUnderMethodAndClassOnce() throws IOException {
        CollectingSink sink = new CollectingSink();
        read("coverage/cobertura-1.9.xml", sink);
        assertThat(sink.files.get("com/csdc/clearing/Netting.java")).containsExactly("3,6,9,12", "7,10,14");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // file, results, error, warning, note, none, suppressed
            "sarif/codeql-extensions.sarif, 3, 1, 1, 1, 0, 0",
            "sarif/semgrep.sarif,           3, 1, 1, 1, 0, 1",
            "sarif/eslint-kinds.sarif,      6, 2, 2, 0, 2, 0",
    })
    void sarifEffectiveLevels(String file, long results, long error, long warning, long note, long none,
                              long suppressed) throws IOException {
        CollectingSink sink = new CollectingSink();
        ReportReader.Parsed parsed = read(file, sink);
        assertThat(parsed.format()).isEqualTo(ReportFormat.SARIF);
        assertThat(parsed.summary()).containsEntry("results", results).containsEntry("error", error)
                .containsEntry("warning", warning).containsEntry("note", note).containsEntry("none", none)
                .containsEntry("suppressed", suppressed);
    }

    @Test
    void sarifRulesInExtensionsArtifactsAndFingerprints() throws IOException {
        CollectingSink sink = new CollectingSink();
        read("sarif/codeql-extensions.sarif", sink);
        assertThat(sink.findings).extracting(EvidenceSink.ParsedFinding::ruleId, EvidenceSink.ParsedFinding::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("java/sql-injection", "error"),
                        org.assertj.core.groups.Tuple.tuple("java/unused-parameter", "note"),
                        org.assertj.core.groups.Tuple.tuple("java/weak-cryptographic-algorithm", "warning"));
        assertThat(sink.findings.get(1).uri()).as("uri by artifact index")
                .isEqualTo("src/main/java/io/clearflow/ctrade/order/OrderDao.java");
        assertThat(sink.findings.get(0).startLine()).isEqualTo(42);
        assertThat(sink.findings).extracting(EvidenceSink.ParsedFinding::fingerprint).doesNotHaveDuplicates()
                .allMatch(f -> f.length() == 64);
        // the same partial fingerprints give the same finding id, whatever the line
        CollectingSink again = new CollectingSink();
        read("sarif/codeql-extensions.sarif", again);
        assertThat(again.findings.get(0).fingerprint()).isEqualTo(sink.findings.get(0).fingerprint());

        CollectingSink semgrep = new CollectingSink();
        read("sarif/semgrep.sarif", semgrep);
        var debug = semgrep.findings.get(1);
        assertThat(debug.suppressed()).isTrue();
        assertThat(debug.suppression()).isEqualTo("inSource: local settings only");
        CollectingSink eslint = new CollectingSink();
        read("sarif/eslint-kinds.sarif", eslint);
        assertThat(eslint.findings.get(3).suppressed()).as("a rejected suppression does not suppress").isFalse();
        assertThat(eslint.findings.get(3).level()).isEqualTo("error");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "hostile/xxe-file.xml              | MALFORMED   | internal subset",
            "hostile/xxe-parameter-entity.xml  | MALFORMED   | internal subset",
            "hostile/billion-laughs.xml        | MALFORMED   | internal subset",
            "hostile/undeclared-entity.xml     | MALFORMED   | not well-formed",
            "hostile/truncated.xml             | MALFORMED   | not well-formed",
            "hostile/trailing-junk.xml         | MALFORMED   | not well-formed",
            "hostile/binary.bin                | UNSUPPORTED | not a JUnit XML",
            "hostile/random.bin                | UNSUPPORTED | not a JUnit XML",
            "hostile/empty.xml                 | MALFORMED   | empty",
            "hostile/whitespace-only.xml       | MALFORMED   | empty",
            "hostile/not-sarif.json            | MALFORMED   | not a SARIF log",
            "hostile/json-array.json           | UNSUPPORTED | not a JUnit XML",
            "hostile/sarif-2.0.json            | UNSUPPORTED | SARIF version '2.0.0'",
            "hostile/truncated.sarif           | MALFORMED   | JSON is not well-formed",
            "hostile/sarif-bad-level.sarif     | MALFORMED   | level 'critical'",
            "hostile/negative-time.xml         | MALFORMED   | negative time",
            "hostile/nonnumeric-time.xml       | MALFORMED   | not a number of seconds",
            "hostile/nan-time.xml              | MALFORMED   | not a number of seconds",
            "hostile/unknown-root.xml          | UNSUPPORTED | root element 'project'",
            "hostile/negative-counter.xml      | MALFORMED   | negative missed",
    })
    void hostileInputIsRefusedWithTheReason(String file, ReportRejectedException.Reason reason, String words) {
        assertThatThrownBy(() -> read(file, new CollectingSink()))
                .isInstanceOfSatisfying(ReportRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).contains(words).doesNotContain("root:x:0:0");
                });
    }

    @Test
    void summariesAreMapsOfTheDocumentedKeys() throws IOException {
        Map<String, Object> s = read("junit/gradle-TEST-com.example.ledger.LedgerTest.xml", new CollectingSink()).summary();
        assertThat(s).containsKeys("tests", "failures", "errors", "skipped");
    }
}
