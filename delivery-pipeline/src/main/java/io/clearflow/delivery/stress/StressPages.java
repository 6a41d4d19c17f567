package io.clearflow.delivery.stress;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.clearflow.delivery.evidence.EvidenceGate;
import io.clearflow.delivery.version.Versions;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the stress-test pages show and send: the model of the list and of a test's page, and each form read into the
 * service's typed values. Not transactional itself, so a refused request can show its form again with the errors.
 */
@Component
class StressPages {

    /** A request: the test created, or the list page's model with the form's values and errors. */
    record Requested(StressTest test, Map<String, Object> page) {
    }

    private final StressTestService service;
    private final StressCharts charts;
    private final Versions versions;
    private final EvidenceGate evidence;

    StressPages(StressTestService service, StressCharts charts, Versions versions, EvidenceGate evidence) {
        this.service = service;
        this.charts = charts;
        this.versions = versions;
        this.evidence = evidence;
    }

    /** The latest tests, or a version's, with an empty request form (for that version). */
    Map<String, Object> list(Long versionId) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("tests", versionId != null ? service.ofVersion(versionId) : service.latest(100));
        page.put("values", versionId == null ? Map.of() : Map.of("versionId", String.valueOf(versionId)));
        page.put("errors", Map.of());
        return page;
    }

    Requested request(Member developer, String versionId, String scenariosWanted) {
        Map<String, String> errors = new HashMap<>();
        try {
            long version = Long.parseLong((versionId == null ? "" : versionId).strip());
            return new Requested(service.request(developer, version, scenariosWanted), null);
        } catch (NumberFormatException e) {
            errors.put("versionId", "delivery.stress.error.unknownVersion");
        } catch (InvalidRequestException e) {
            errors.putAll(e.fieldErrors());
        }
        Map<String, Object> page = list(null);
        page.put("values", StressForms.requestValues(versionId, scenariosWanted));
        page.put("errors", errors);
        return new Requested(null, page);
    }

    /** A test's page: its detail, missing evidence, charts, the system's peak form and the comparison. */
    Map<String, Object> detail(long id, Locale locale) throws JsonProcessingException {
        StressTestService.Detail d = service.detail(id);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("d", d);
        page.put("t", d.test());
        page.put("missing", versions.find(d.test().versionId()).map(evidence::missing).orElse(List.of()));
        page.put("charts", charts.timeCharts(d.results(), locale));
        page.put("peakValues", peakValues(d.peak()));
        Optional<StressResult> current = StressVerdict.capacityRun(d.results());
        Optional<StressResult> previous = StressVerdict.capacityRun(d.previousResults());
        page.put("labelOption", current.isEmpty() ? null
                : charts.labelChart(current.get(), previous, d.previous(), locale));
        page.put("before", previous.orElse(null));
        page.put("now", current.orElse(null));
        return page;
    }

    StressTest plan(Member infra, long id, Map<String, String> form) {
        List<StressTestService.NewTask> tasks = StressForms.tasks(form);
        return service.plan(infra, id, StressForms.plan(form), tasks);
    }

    StressTest report(Member infra, long id, Map<String, String> form) {
        return service.report(infra, id, StressForms.report(form));
    }

    StressResult upload(Member infra, long id, MultipartFile file, String phase) {
        if (file == null || file.isEmpty()) {
            throw StressInput.invalid("file", "delivery.stress.error.empty");
        }
        try (InputStream in = file.getInputStream()) {
            return service.upload(infra, id, file.getOriginalFilename(), in, phase);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    StressResult phaseBounds(Member infra, long id, long resultId, String boundsMinutes) {
        return service.phaseBounds(infra, id, resultId, StressForms.boundsMinutes(boundsMinutes));
    }

    /** The peaks of the test's system. */
    SystemPeak savePeak(Member member, long id, Map<String, String> form) {
        return service.savePeak(member, service.test(id).system(),
                StressForms.number(form, "peakTps", 1e9, false), StressForms.number(form, "peakBandwidthMbps", 1e9, true),
                StressForms.number(form, "bandwidthMbps", 1e9, true), StressForms.optional(form, "capacityFactor", 100),
                StressForms.optional(form, "bandwidthFactor", 100), StressForms.optional(form, "maxErrorRate", 1),
                StressForms.optional(form, "regressionTolerance", 1));
    }

    private static Map<String, String> peakValues(Optional<SystemPeak> peak) {
        Map<String, String> values = new HashMap<>();
        peak.ifPresent(p -> {
            values.put("peakTps", String.valueOf(p.peakTps()));
            values.put("peakBandwidthMbps", String.valueOf(p.peakBandwidthMbps()));
            values.put("bandwidthMbps", String.valueOf(p.bandwidthMbps()));
            values.put("capacityFactor", String.valueOf(p.capacityFactor()));
            values.put("bandwidthFactor", String.valueOf(p.bandwidthFactor()));
            values.put("maxErrorRate", String.valueOf(p.maxErrorRate()));
            values.put("regressionTolerance", String.valueOf(p.regressionTolerance()));
        });
        return values;
    }
}
