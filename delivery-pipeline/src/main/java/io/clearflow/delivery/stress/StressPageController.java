package io.clearflow.delivery.stress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.delivery.DeliveryFlash;
import io.clearflow.delivery.evidence.EvidenceGate;
import io.clearflow.delivery.stress.results.LoadSummary;
import io.clearflow.delivery.version.Versions;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.security.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 压力测试 pages: the list with the request form, and a stress test's page: each step's form for whoever holds it, the
 * results with ECharts charts (throughput and latency over time, p95 per function code), the verdict with its numbers
 * and the previous accepted report side by side.
 */
@Controller
class StressPageController {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int CHART_LABELS = 20;

    private final StressTestService service;
    private final Versions versions;
    private final EvidenceGate evidence;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final ObjectMapper json = new ObjectMapper();

    StressPageController(StressTestService service, Versions versions, EvidenceGate evidence, CurrentUser currentUser,
                         MessageSource messages) {
        this.service = service;
        this.versions = versions;
        this.evidence = evidence;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GetMapping("/delivery/stress-tests")
    @PreAuthorize(StressAccess.READ)
    String list(@RequestParam(required = false) Long versionId, Model model) {
        model.addAttribute("tests", versionId != null ? service.ofVersion(versionId) : service.latest(100));
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", versionId == null ? Map.of() : Map.of("versionId", String.valueOf(versionId)));
            model.addAttribute("errors", Map.of());
        }
        return "delivery/stress-tests";
    }

    @PostMapping("/delivery/stress-tests")
    @PreAuthorize(StressAccess.REQUEST)
    String request(@RequestParam(required = false) String versionId, @RequestParam(required = false) String scenariosWanted,
                   Model model) {
        Map<String, String> values = new HashMap<>();
        values.put("versionId", versionId == null ? "" : versionId);
        values.put("scenariosWanted", scenariosWanted == null ? "" : scenariosWanted);
        Map<String, String> errors = new HashMap<>();
        try {
            long version = Long.parseLong(values.get("versionId").strip());
            return "redirect:/delivery/stress-tests/" + service.request(currentUser.get(), version, scenariosWanted).id();
        } catch (NumberFormatException e) {
            errors.put("versionId", "delivery.stress.error.unknownVersion");
        } catch (InvalidRequestException e) {
            errors.putAll(e.fieldErrors());
        }
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return list(null, model);
    }

    @GetMapping("/delivery/stress-tests/{id}")
    @PreAuthorize(StressAccess.READ)
    String detail(@PathVariable long id, Model model, Locale locale) throws JsonProcessingException {
        StressTestService.Detail d = service.detail(id);
        model.addAttribute("d", d);
        model.addAttribute("t", d.test());
        model.addAttribute("missing", versions.find(d.test().versionId()).map(evidence::missing).orElse(List.of()));
        List<Map<String, Object>> charts = new ArrayList<>();
        for (StressResult r : d.results()) {
            if (!r.timeline().isEmpty()) {
                charts.add(Map.of("id", "stress-chart-" + r.id(), "title", r.fileName(),
                        "option", json.writeValueAsString(timeChart(r, locale))));
            }
        }
        model.addAttribute("charts", charts);
        Map<String, String> peakValues = new HashMap<>();
        d.peak().ifPresent(p -> {
            peakValues.put("peakTps", String.valueOf(p.peakTps()));
            peakValues.put("peakBandwidthMbps", String.valueOf(p.peakBandwidthMbps()));
            peakValues.put("bandwidthMbps", String.valueOf(p.bandwidthMbps()));
            peakValues.put("capacityFactor", String.valueOf(p.capacityFactor()));
            peakValues.put("bandwidthFactor", String.valueOf(p.bandwidthFactor()));
            peakValues.put("maxErrorRate", String.valueOf(p.maxErrorRate()));
            peakValues.put("regressionTolerance", String.valueOf(p.regressionTolerance()));
        });
        model.addAttribute("peakValues", peakValues);
        Optional<StressResult> current = StressVerdict.capacityRun(d.results());
        Optional<StressResult> previous = StressVerdict.capacityRun(d.previousResults());
        model.addAttribute("labelOption", current.isEmpty() ? null
                : json.writeValueAsString(labelChart(current.get(), previous, d.previous(), locale)));
        model.addAttribute("before", previous.orElse(null));
        model.addAttribute("now", current.orElse(null));
        return "delivery/stress-test";
    }

    /** Throughput (samples per second of the bucket) and mean latency over the run, two axes. */
    private Map<String, Object> timeChart(StressResult r, Locale locale) {
        List<String> x = new ArrayList<>();
        List<Double> rate = new ArrayList<>();
        List<Double> latency = new ArrayList<>();
        List<Long> failures = new ArrayList<>();
        int width = Math.max(1, r.bucketSeconds());
        for (LoadSummary.Bucket b : r.timeline()) {
            x.add(CLOCK.format(Instant.ofEpochMilli(b.startMs()).atZone(ZoneId.systemDefault())));
            rate.add(round((double) b.samples() / width));
            latency.add(round(b.meanMs()));
            failures.add(b.failed());
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of());
        option.put("xAxis", Map.of("type", "category", "data", x));
        option.put("yAxis", List.of(Map.of("type", "value", "name", msg("delivery.stress.chart.throughput", locale)),
                Map.of("type", "value", "name", msg("delivery.stress.chart.latency", locale))));
        option.put("series", List.of(
                Map.of("type", "line", "name", msg("delivery.stress.chart.throughput", locale), "data", rate, "showSymbol", false),
                Map.of("type", "line", "name", msg("delivery.stress.chart.latency", locale), "yAxisIndex", 1, "data", latency,
                        "showSymbol", false),
                Map.of("type", "bar", "name", msg("delivery.stress.chart.errors", locale), "data", failures)));
        return option;
    }

    /** p95 per function code of the capacity run, beside the previous accepted report's for the same codes. */
    private Map<String, Object> labelChart(StressResult now, Optional<StressResult> before, Optional<StressTest> previous,
                                           Locale locale) {
        List<LoadSummary.LabelFigures> labels = now.labels().stream().limit(CHART_LABELS).toList();
        Map<String, Double> old = new HashMap<>();
        before.ifPresent(b -> b.labels().forEach(l -> old.put(l.label(), l.p95Ms())));
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(Map.of("type", "bar", "name", msg("delivery.stress.compare.current", locale),
                "data", labels.stream().map(l -> l.p95Ms() == null ? 0 : l.p95Ms()).toList()));
        if (before.isPresent()) {
            series.add(Map.of("type", "bar", "name", messages.getMessage("delivery.stress.compare.previous",
                            new Object[] {previous.map(StressTest::key).orElse("")}, locale),
                    "data", labels.stream().map(l -> old.getOrDefault(l.label(), 0.0)).toList()));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of());
        option.put("xAxis", Map.of("type", "category", "data", labels.stream().map(LoadSummary.LabelFigures::label).toList()));
        option.put("yAxis", Map.of("type", "value", "name", msg("delivery.stress.field.p95", locale)));
        option.put("series", series);
        return option;
    }

    @PostMapping("/delivery/stress-tests/{id}/plan")
    @PreAuthorize(StressAccess.INFRA)
    String plan(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            List<StressTestService.NewTask> tasks = new ArrayList<>();
            String title = form.get("taskTitle");
            if (title != null && !title.isBlank()) {
                LocalDate deadline;
                try {
                    deadline = LocalDate.parse(form.getOrDefault("taskDeadline", ""));
                } catch (DateTimeParseException e) {
                    throw new InvalidRequestException("delivery.stress.error.taskIncomplete",
                            Map.of("tasks", "delivery.stress.error.taskIncomplete"));
                }
                tasks.add(new StressTestService.NewTask(title, form.get("taskOwner"), deadline));
            }
            return service.plan(currentUser.get(), id, new StressTest.Plan(form.get("object"), form.get("metrics"),
                    form.get("method"), form.get("resources"), form.get("risks")), tasks);
        });
    }

    @PostMapping("/delivery/stress-tests/{id}/design")
    @PreAuthorize(StressAccess.INFRA)
    String design(@PathVariable long id, @RequestParam(required = false) String scenarios, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.design(currentUser.get(), id, scenarios));
    }

    @PostMapping("/delivery/stress-tests/{id}/results")
    @PreAuthorize(StressAccess.RESULTS)
    String upload(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file,
                  @RequestParam(required = false) String phase, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            if (file == null || file.isEmpty()) {
                throw new InvalidRequestException("delivery.stress.error.empty", Map.of("file", "delivery.stress.error.empty"));
            }
            try (InputStream in = file.getInputStream()) {
                return service.upload(currentUser.get(), id, file.getOriginalFilename(), in, phase);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Phase boundaries of a whole-run file as typed, minutes from its start separated by commas; empty: detected. */
    @PostMapping("/delivery/stress-tests/{id}/results/{resultId}/phases")
    @PreAuthorize(StressAccess.RESULTS)
    String phaseBounds(@PathVariable long id, @PathVariable long resultId,
                       @RequestParam(required = false) String boundsMinutes, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            List<Double> minutes = null;
            if (boundsMinutes != null && !boundsMinutes.isBlank()) {
                minutes = new ArrayList<>();
                for (String part : boundsMinutes.split("[,，\\s]+")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    try {
                        minutes.add(Double.parseDouble(part.strip()));
                    } catch (NumberFormatException e) {
                        throw new InvalidRequestException("delivery.stress.error.bounds",
                                Map.of("boundsMinutes", "delivery.stress.error.bounds"));
                    }
                }
            }
            return service.phaseBounds(currentUser.get(), id, resultId, minutes);
        });
    }

    @PostMapping("/delivery/stress-tests/{id}/executed")
    @PreAuthorize(StressAccess.INFRA)
    String executed(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.executed(currentUser.get(), id));
    }

    @PostMapping("/delivery/stress-tests/{id}/report")
    @PreAuthorize(StressAccess.INFRA)
    String report(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.report(currentUser.get(), id, new StressTest.Report(form.get("environment"),
                form.get("cases"), form.get("process"), form.get("anomalies"), form.get("conclusion"))));
    }

    @PostMapping("/delivery/stress-tests/{id}/confirm")
    @PreAuthorize(StressAccess.OPS)
    String confirm(@PathVariable long id, @RequestParam(defaultValue = "true") boolean confirmed,
                   @RequestParam(required = false) String upgradeRisk, @RequestParam(required = false) String comment,
                   RedirectAttributes redirect) {
        return act(id, redirect, () -> service.confirm(currentUser.get(), id, confirmed, upgradeRisk, comment));
    }

    @PostMapping("/delivery/stress-tests/{id}/production-verification")
    @PreAuthorize(StressAccess.OPS)
    String verify(@PathVariable long id, @RequestParam(defaultValue = "true") boolean passed,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.verifyProduction(currentUser.get(), id, passed, note));
    }

    /** The system's peaks and thresholds, from the stress test's page (ops and IT managers). */
    @PostMapping("/delivery/stress-tests/{id}/peak")
    @PreAuthorize(StressAccess.PEAKS)
    String peak(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.savePeak(currentUser.get(), service.test(id).system(),
                number(form, "peakTps", 1e9, false), number(form, "peakBandwidthMbps", 1e9, true),
                number(form, "bandwidthMbps", 1e9, true), optional(form, "capacityFactor", 100),
                optional(form, "bandwidthFactor", 100), optional(form, "maxErrorRate", 1),
                optional(form, "regressionTolerance", 1)));
    }

    /** A required number in (0, max] (or [0, max] when zero is allowed); else a field error like the API's 400. */
    private static double number(Map<String, String> form, String field, double max, boolean zero) {
        Double v = optional(form, field, max);
        if (v == null || (!zero && v == 0)) {
            throw new InvalidRequestException("delivery.stress.error.required", Map.of(field, "delivery.stress.error.required"));
        }
        return v;
    }

    private static Double optional(Map<String, String> form, String field, double max) {
        String raw = form.get(field);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            double v = Double.parseDouble(raw.strip());
            if (Double.isFinite(v) && v >= 0 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the field error
        }
        throw new InvalidRequestException("delivery.stress.error.peak", Map.of(field, "delivery.stress.error.peak"));
    }

    private static String act(long id, RedirectAttributes redirect, Supplier<?> action) {
        return DeliveryFlash.act(redirect, "/delivery/stress-tests/" + id, "delivery.stress.saved", action);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
