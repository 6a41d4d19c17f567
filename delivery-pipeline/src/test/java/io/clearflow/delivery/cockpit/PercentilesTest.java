package io.clearflow.delivery.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles and CSV cells, worked by hand. */
class PercentilesTest {

    @Test
    void nearestRankPicksAnObservedValue() {
        double[] v = {6, 1, 3};
        assertThat(Percentiles.of(v, 0.5)).isEqualTo(3.0);   // rank ceil(1.5) = 2 of 1, 3, 6
        assertThat(Percentiles.of(v, 0.85)).isEqualTo(6.0);  // rank ceil(2.55) = 3
        assertThat(Percentiles.of(new double[] {4, 10}, 0.5)).isEqualTo(4.0);
        assertThat(Percentiles.of(new double[] {7}, 0.85)).isEqualTo(7.0);
        assertThat(Percentiles.of(new double[0], 0.5)).isNull();
        assertThat(v).containsExactly(6, 1, 3);
    }

    @Test
    void csvCellsAreQuotedAndNeverFormulas() {
        assertThat(CockpitCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CockpitCsv.cell("say \"x\"")).isEqualTo("\"say \"\"x\"\"\"");
        assertThat(CockpitCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CockpitCsv.cell(-1.5)).isEqualTo("-1.5");
        assertThat(CockpitCsv.cell(new java.math.BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(CockpitCsv.cell(null)).isEmpty();
    }
}
