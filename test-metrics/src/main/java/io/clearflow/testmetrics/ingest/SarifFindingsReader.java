package io.clearflow.testmetrics.ingest;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.testmetrics.api.SarifFindings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** {@link SarifFindings} over {@link SarifParser}; only findings reach the consumer (SARIF has nothing else). */
@Component
class SarifFindingsReader implements SarifFindings {

    @Override
    public Counts read(InputStream in, Consumer<Finding> each) {
        Map<String, Object> summary;
        try {
            summary = SarifParser.parse(in, new EvidenceSink() {
                @Override public void testCase(ParsedTestCase testCase) { }
                @Override public void coverage(Coverage counters) { }
                @Override public void coverageFile(String path, LineSet covered, LineSet missed) { }
                @Override public void finding(ParsedFinding f) {
                    each.accept(new Finding(f.tool(), f.ruleId(), f.level(), f.message(), f.uri(), f.startLine(),
                            f.fingerprint(), f.suppressed() ? f.suppression() : null));
                }
            });
        } catch (ReportRejectedException e) {
            // the caller's module answers it as its own 400; the parser's message already avoids quoting content
            throw new InvalidRequestException(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Counts((long) summary.get("results"), (long) summary.get("error"), (long) summary.get("warning"),
                (long) summary.get("note"), (long) summary.get("none"));
    }
}
