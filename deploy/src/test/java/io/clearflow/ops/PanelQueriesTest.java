package io.clearflow.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The proof against Prometheus and PostgreSQL is only as good as this rewriting of the panels' queries. */
class PanelQueriesTest {

    @Test
    void comparisonsBecomeBoolOutsideMatchersStringsAndRanges() {
        assertThat(PanelQueries.keepingEverySeries(
                "max by (source) (x{a!=\"b\", c=~\">1\"}) > 0 and on (source) (time() - y[5m:1m]) >= 86400"))
                .isEqualTo("max by (source) (x{a!=\"b\", c=~\">1\"}) > bool 0 and on (source) (time() - y[5m:1m]) >= bool 86400");
        assertThat(PanelQueries.keepingEverySeries("a == bool 1 or b != 2 or c >= bool 3 or d<4"))
                .isEqualTo("a == bool 1 or b != bool 2 or c >= bool 3 or d< bool 4");
        assertThat(PanelQueries.keepingEverySeries("sum(rate(x_total[1m]))")).isEqualTo("sum(rate(x_total[1m]))");
    }

    @Test
    void grafanaVariablesAndIntervalsAreReplaced() {
        assertThat(PanelQueries.promQl("sum(rate(x{p=~\"$process\", d=~\"${department}\"}[$__rate_interval])) + increase(y[$__range])",
                Map.of("process", "referenceApproval", "department", "dept-it")))
                .isEqualTo("sum(rate(x{p=~\"referenceApproval\", d=~\"dept-it\"}[1m])) + increase(y[5m])");
        assertThatThrownBy(() -> PanelQueries.promQl("x{p=\"$unknown\"}", Map.of()))
                .hasMessageContaining("$unknown");
    }

    @Test
    void postgresMacrosExpandAsGrafanaExpandsThem() {
        var range = new PanelQueries.Range(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-08T00:00:00Z"));
        assertThat(PanelQueries.sql("SELECT 1 FROM t WHERE $__timeFilter(t.at) AND x LIKE $dept AND $__timeTo() > $__timeFrom()",
                Map.of("dept", "%"), Set.of("dept"), range))
                .isEqualTo("SELECT 1 FROM t WHERE t.at BETWEEN '2026-01-01T00:00:00Z' AND '2026-01-08T00:00:00Z'"
                        + " AND x LIKE '%' AND '2026-01-08T00:00:00Z' > '2026-01-01T00:00:00Z'");
        // Grafana quotes the values of variables with "All" or several values, doubling quotes; a format puts them in as they are
        assertThat(PanelQueries.sql("x = $a AND y = ${a} AND z ~ '^${b:regex}$' AND w = $c",
                Map.of("a", "it's", "b", "ocr", "c", "raw"), Set.of("a", "b"), range))
                .isEqualTo("x = 'it''s' AND y = 'it''s' AND z ~ '^ocr$' AND w = raw");
    }
}
