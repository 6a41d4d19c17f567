package io.clearflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The dashboard check is only as good as this extraction: a name it drops is never checked. */
class PromQlMetricNamesTest {

    @Test
    void histogramQuantileReadsOnlyTheBucketSeries() {
        assertThat(PromQlMetricNames.in("histogram_quantile(0.9, sum by (le, process) "
                + "(rate(clearflow_task_waiting_seconds_bucket{process=~\"$process\"}[$__rate_interval])))"))
                .containsExactly("clearflow_task_waiting_seconds_bucket");
    }

    @Test
    void bothSidesOfABinaryOperationAreMetrics() {
        assertThat(PromQlMetricNames.in("sum by (instance) (rate(http_server_requests_seconds_sum{uri!~\"/actuator.*\"}[5m]))"
                + " / on (instance) group_left (version) sum by (instance) (rate(http_server_requests_seconds_count[5m]))"
                + " and ignoring(area) jvm_memory_used_bytes > 0"))
                .containsExactly("http_server_requests_seconds_sum", "http_server_requests_seconds_count",
                        "jvm_memory_used_bytes");
    }

    @Test
    void stringsVariablesRangesModifiersAndNumbersAreNotMetrics() {
        assertThat(PromQlMetricNames.in("sum without (job) (increase(clearflow_job_failed_total"
                + "{application=\"clearflow\", process=~\"${process:regex}\"}[1h] offset 1d)) * 60 + 1e3 - 0x1F"
                + " > bool 2.5"))
                .containsExactly("clearflow_job_failed_total");
        assertThat(PromQlMetricNames.in("max(clearflow_outbox_position @ 1609746000) or vector(0)"))
                .containsExactly("clearflow_outbox_position");
    }

    @Test
    void aMetricSelectedByNameMatcherCounts() {
        assertThat(PromQlMetricNames.in("{__name__=\"clearflow_process_active\", process=\"x\"}"))
                .containsExactly("clearflow_process_active");
    }

    @Test
    void aMisspelledMetricIsStillReported() {
        // the point of the check: a typo must come out as a name, to be found missing from the scrape
        assertThat(PromQlMetricNames.in("rate(clearflow_proces_started_total[5m])"))
                .containsExactly("clearflow_proces_started_total");
    }

    @Test
    void variableQueriesReadTheMetricNotTheLabel() {
        assertThat(PromQlMetricNames.inVariableQuery(
                "label_values(process_uptime_seconds{application=\"clearflow\", job=\"x\"}, instance)"))
                .containsExactly("process_uptime_seconds");
        assertThat(PromQlMetricNames.inVariableQuery("label_values(process)")).isEmpty();
        assertThat(PromQlMetricNames.inVariableQuery("query_result(topk(5, clearflow_process_active))"))
                .containsExactly("clearflow_process_active");
    }
}
