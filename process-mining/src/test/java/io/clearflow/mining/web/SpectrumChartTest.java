package io.clearflow.mining.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.mining.spectrum.SpectrumReport;
import io.clearflow.mining.spectrum.SpectrumReport.Line;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The spectrum's ECharts option: one lines series per quartile, source on the upper line (index 1), and the period as
 * the time axis' range, which ECharts 5.3 does not take from a lines series by itself (checked by rendering the option
 * with ECharts' server-side SVG renderer: without min/max the lines fall off the chart).
 */
class SpectrumChartTest {

    @Test
    @SuppressWarnings("unchecked")
    void linesPerQuartileOverThePeriod() {
        SpectrumReport report = new SpectrumReport("a", "b", 3, 0, List.of(10L, 20L, 30L), false, 0, List.of(
                new Line("c1", 1_000, 1_010, 10, 1, 1), new Line("c2", 1_005, 1_040, 35, 4, 1),
                new Line("c3", 2_000, 2_020, 20, 2, 1)));
        Map<String, Object> option = MiningCharts.spectrum(report, key -> key);
        Map<String, Object> xAxis = (Map<String, Object>) option.get("xAxis");
        assertThat(xAxis).containsEntry("type", "time").containsEntry("min", 1_000L).containsEntry("max", 2_020L);
        assertThat((Map<String, Object>) option.get("yAxis")).containsEntry("data", List.of("b", "a"));
        List<Map<String, Object>> series = (List<Map<String, Object>>) option.get("series");
        assertThat(series).hasSize(4).allSatisfy(s -> assertThat(s).containsEntry("type", "lines")
                .containsEntry("coordinateSystem", "cartesian2d"));
        assertThat(series).extracting(s -> ((List<?>) s.get("data")).size()).containsExactly(1, 1, 0, 1);
        Map<String, Object> slowest = ((List<Map<String, Object>>) series.get(3).get("data")).get(0);
        assertThat(slowest.get("coords")).isEqualTo(List.of(List.of(1_005L, 1), List.of(1_040L, 0)));
        assertThat(series.get(3).get("name")).isEqualTo("mining.spectrum.quartile4");
    }
}
