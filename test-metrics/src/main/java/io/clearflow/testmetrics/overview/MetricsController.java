package io.clearflow.testmetrics.overview;

import io.clearflow.testmetrics.TestMetricsAccess;
import io.clearflow.testmetrics.metrics.FlakyDetector;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The figures the pages show, as JSON. */
@RestController
@PreAuthorize(TestMetricsAccess.READ)
class MetricsController {

    private final MetricsService metrics;

    MetricsController(MetricsService metrics) {
        this.metrics = metrics;
    }

    @GetMapping("/api/test-metrics/projects")
    List<String> projects() {
        return metrics.projects();
    }

    @GetMapping("/api/test-metrics/projects/{project}/versions")
    List<String> versions(@PathVariable String project) {
        return metrics.versions(project);
    }

    @GetMapping("/api/test-metrics/projects/{project}/versions/{version}")
    MetricsService.VersionOverview overview(@PathVariable String project, @PathVariable String version) {
        return metrics.overview(project, version);
    }

    @GetMapping("/api/test-metrics/projects/{project}/versions/{version}/flaky")
    List<FlakyDetector.FlakyTest> flaky(@PathVariable String project, @PathVariable String version) {
        return metrics.flaky(project, version);
    }

    @GetMapping("/api/test-metrics/projects/{project}/trend")
    List<MetricsService.TrendPoint> trend(@PathVariable String project,
                                          @RequestParam(defaultValue = "30") int limit) {
        return metrics.trend(project, Math.max(1, Math.min(limit, 200)));
    }

    @GetMapping("/api/test-metrics/runs/{runId}")
    MetricsService.RunDetail run(@PathVariable long runId) {
        return metrics.run(runId);
    }
}
