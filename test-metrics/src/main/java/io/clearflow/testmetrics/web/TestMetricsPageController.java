package io.clearflow.testmetrics.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.api.Flash;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.testmetrics.TestMetricsAccess;
import io.clearflow.testmetrics.api.GateRequest;
import io.clearflow.testmetrics.api.GateResult;
import io.clearflow.testmetrics.api.QualityGates;
import io.clearflow.testmetrics.ingest.ReportIngestService;
import io.clearflow.testmetrics.ingest.ReportRejectedException;
import io.clearflow.testmetrics.ingest.UploadTarget;
import io.clearflow.testmetrics.overview.MetricsService;
import io.clearflow.testmetrics.plan.PlanService;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** Pages: systems and upload, a system's trends, a version's overview, a run's failures, flaky tests. */
@Controller
@PreAuthorize(TestMetricsAccess.READ)
class TestMetricsPageController {

    private final MetricsService metrics;
    private final ReportIngestService ingest;
    private final QualityGates gates;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final PlanService plans;

    TestMetricsPageController(MetricsService metrics, ReportIngestService ingest, QualityGates gates,
                              CurrentUser currentUser, MessageSource messages, ObjectMapper json, PlanService plans) {
        this.plans = plans;
        this.metrics = metrics;
        this.ingest = ingest;
        this.gates = gates;
        this.currentUser = currentUser;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/test-metrics")
    String home(Model model) {
        List<Map<String, Object>> systems = new ArrayList<>();
        for (String project : metrics.projects()) {
            List<String> versions = metrics.versions(project);
            systems.add(Map.of("project", project, "versions", versions.size(), "latest", versions.isEmpty() ? "" : versions.get(0)));
        }
        model.addAttribute("systems", systems);
        model.addAttribute("canUpload", canUpload());
        return "testmetrics/home";
    }

    @PostMapping("/test-metrics/upload")
    @PreAuthorize(TestMetricsAccess.UPLOAD)
    String upload(@RequestParam("file") MultipartFile file, @RequestParam String project, @RequestParam String version,
                  @RequestParam(required = false) String run, RedirectAttributes redirect) throws IOException {
        try {
            ingest.checkSize(file.getSize());
            ReportIngestService.Outcome outcome;
            try (InputStream in = file.getInputStream()) {
                outcome = ingest.ingest(new UploadTarget(project, version, run), file.getOriginalFilename(), in,
                        currentUser.get().userId());
            }
            redirect.addFlashAttribute("flash", "tm.flash.uploaded");
            redirect.addFlashAttribute("uploaded", outcome.reports().size());
            return "redirect:/test-metrics/" + path(project) + "/" + path(version);
        } catch (ReportRejectedException e) {
            // the reader's own words name the line and the problem; the sentence around them is the user's language
            redirect.addFlashAttribute("flashError", "tm.rejected");
            redirect.addFlashAttribute("flashErrorArgs", new Object[] {e.getMessage()});
        } catch (InvalidRequestException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/test-metrics";
    }

    @GetMapping("/test-metrics/{project}")
    String system(@PathVariable String project, Model model) throws JsonProcessingException {
        List<MetricsService.TrendPoint> trend = metrics.trend(project, 30);
        model.addAttribute("project", project);
        model.addAttribute("versions", metrics.versions(project));
        model.addAttribute("trend", trend);
        List<String> x = trend.stream().map(MetricsService.TrendPoint::version).toList();
        model.addAttribute("testsOption", json.writeValueAsString(lines(x, List.of(
                series("tm.passRate", trend, MetricsService.TrendPoint::passRate, "line", 0)))));
        model.addAttribute("coverageOption", json.writeValueAsString(lines(x, List.of(
                series("tm.lineCoverage", trend, MetricsService.TrendPoint::lineCoverage, "line", 0),
                series("tm.branchCoverage", trend, MetricsService.TrendPoint::branchCoverage, "line", 0)))));
        model.addAttribute("findingsOption", json.writeValueAsString(lines(x, List.of(
                series("tm.findings.new", trend, MetricsService.TrendPoint::newFindings, "bar", 1),
                series("tm.findings.fixed", trend, MetricsService.TrendPoint::fixedFindings, "bar", 1),
                series("tm.findings.existing", trend, MetricsService.TrendPoint::existingFindings, "bar", 1)))));
        model.addAttribute("durationOption", json.writeValueAsString(lines(x, List.of(
                series("tm.durationSeconds", trend, p -> p.durationMs() == null ? null : p.durationMs() / 1000.0, "line", 0),
                series("tm.executed", trend, MetricsService.TrendPoint::executed, "bar", 0)))));
        return "testmetrics/system";
    }

    @GetMapping("/test-metrics/{project}/{version}")
    String version(@PathVariable String project, @PathVariable String version, Model model) throws JsonProcessingException {
        MetricsService.VersionOverview overview = metrics.overview(project, version);
        model.addAttribute("o", overview);
        GateResult gate = gates.evaluate(new GateRequest("default", project, version));
        model.addAttribute("gate", gate);
        model.addAttribute("plans", plans.ofVersion(project, version));
        model.addAttribute("canUpload", canUpload());
        Map<String, Object> phases = new LinkedHashMap<>();
        overview.defects().byPhase().forEach((phase, n) -> phases.put(label("tm.phase." + phase), n));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("xAxis", Map.of("type", "category", "data", new ArrayList<>(phases.keySet())));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        option.put("series", List.of(Map.of("type", "bar", "name", label("tm.defects"), "data", new ArrayList<>(phases.values()))));
        model.addAttribute("phaseOption", json.writeValueAsString(option));
        return "testmetrics/version";
    }

    @GetMapping("/test-metrics/{project}/{version}/flaky")
    String flaky(@PathVariable String project, @PathVariable String version, Model model) {
        model.addAttribute("project", project);
        model.addAttribute("version", version);
        model.addAttribute("flaky", metrics.flaky(project, version));
        return "testmetrics/flaky";
    }

    @GetMapping("/test-metrics/runs/{runId}")
    String run(@PathVariable long runId, Model model) {
        model.addAttribute("r", metrics.run(runId));
        return "testmetrics/run";
    }

    private boolean canUpload() {
        var me = currentUser.get();
        return me.hasRole(PlatformRole.TESTER) || me.hasRole(PlatformRole.DEVELOPER) || me.hasRole(PlatformRole.ADMIN)
                || me.hasRole(PlatformRole.BOT);
    }

    private Map<String, Object> lines(List<String> x, List<Map<String, Object>> series) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("data", series.stream().map(s -> s.get("name")).toList()));
        option.put("xAxis", Map.of("type", "category", "data", x));
        option.put("yAxis", Map.of("type", "value"));
        option.put("series", series);
        return option;
    }

    private <T> Map<String, Object> series(String key, List<MetricsService.TrendPoint> points,
                                           Function<MetricsService.TrendPoint, T> value, String type, int stack) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", label(key));
        s.put("type", type);
        if (stack > 0) {
            s.put("stack", "s" + stack);
        }
        s.put("connectNulls", true);
        List<Object> data = new ArrayList<>();
        points.forEach(p -> {
            Object v = value.apply(p);
            data.add(v instanceof Double d ? Math.round(d * 100) / 100.0 : v);
        });
        s.put("data", data);
        return s;
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private static String path(String segment) {
        return UriUtils.encodePathSegment(segment, java.nio.charset.StandardCharsets.UTF_8);
    }
}
