package io.clearflow.testmetrics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.testmetrics.ingest.LineSet;
import java.util.List;
import org.junit.jupiter.api.Test;

public class ChangedLinesTest {

    public static final String DIFF = """
            diff --git a/src/main/java/io/clearflow/ctrade/order/OrderService.java b/src/main/java/io/clearflow/ctrade/order/OrderService.java
            index 3b18e51..a9c2f07 100644
            --- a/src/main/java/io/clearflow/ctrade/order/OrderService.java
            +++ b/src/main/java/io/clearflow/ctrade/order/OrderService.java
            @@ -19,4 +19,6 @@ public class OrderService {
                 public long place(Order order) {
            -        check(order);
            +        checkLimit(order);
            +        checkSession(order);
                     long id = repository.save(order);
            +        audit(id);
                     return id;
            @@ -30,2 +32,3 @@ public class OrderService {
                 public void cancel(long id) {
            +        log(id);
                     repository.cancel(id);
            diff --git a/README.md b/README.md
            deleted file mode 100644
            --- a/README.md
            +++ /dev/null
            @@ -1,2 +0,0 @@
            -# old
            -text
            diff --git a/docs/new.md b/docs/new.md
            new file mode 100644
            --- /dev/null
            +++ b/docs/new.md
            @@ -0,0 +1,2 @@
            +# new
            +text
            """;

    @Test
    void newSideLineNumbersOfAddedLines() {
        var changed = ChangedLines.parse(DIFF);
        // hunk 1 starts at new line 19: 19 context, 20 and 21 added, 22 context, 23 added, 24 context
        // hunk 2 starts at new line 32: 32 context, 33 added, 34 context
        assertThat(changed.get("src/main/java/io/clearflow/ctrade/order/OrderService.java").toRanges())
                .isEqualTo("20-21,23,33");
        assertThat(changed).doesNotContainKey("README.md");
        assertThat(changed.get("docs/new.md").toRanges()).isEqualTo("1-2");
    }

    @Test
    void coverageOfChangedLinesMatchesReportPathsBySuffix() {
        // JaCoCo knows: covered 14-16,19-21,23-24; missed 22,30-32 (the corpus sample)
        var file = new ChangedCodeCoverage.FileCoverage("io/clearflow/ctrade/order/OrderService.java",
                LineSet.parse("14-16,19-21,23-24"), LineSet.parse("22,30-32"));
        var result = ChangedCodeCoverage.compute(ChangedLines.parse(DIFF), List.of(file));
        // changed 20, 21, 23 covered; 33 not executable in the report; docs/new.md unmatched
        assertThat(result.covered()).isEqualTo(3);
        assertThat(result.executable()).isEqualTo(3);
        assertThat(result.percent()).isEqualTo(100.0);
        assertThat(result.unmatchedFiles()).containsExactly("docs/new.md");
        var missedFile = new ChangedCodeCoverage.FileCoverage("io/clearflow/ctrade/order/OrderService.java",
                LineSet.parse("20"), LineSet.parse("21,23,33"));
        var half = ChangedCodeCoverage.compute(ChangedLines.parse(DIFF), List.of(missedFile));
        assertThat(half.covered()).isEqualTo(1);
        assertThat(half.executable()).isEqualTo(4);
    }
}
