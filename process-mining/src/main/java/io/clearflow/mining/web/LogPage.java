package io.clearflow.mining.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.mining.bottleneck.BottleneckAnalyzer;
import io.clearflow.mining.bottleneck.BottleneckReport;
import io.clearflow.mining.calendar.TimeMeasure;
import io.clearflow.mining.calendar.WorkingTime;
import io.clearflow.mining.discovery.DesignDraftOffering;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.LogSummary;
import io.clearflow.mining.metrics.MetricsCalculator;
import io.clearflow.mining.metrics.MetricsReport;
import io.clearflow.mining.organisation.OrganisationReport;
import io.clearflow.mining.organisation.OrganisationalMiner;
import io.clearflow.mining.platform.PlatformLogSource;
import io.clearflow.mining.spectrum.PerformanceSpectrum;
import io.clearflow.mining.spectrum.SpectrumReport;
import io.clearflow.mining.store.MiningProperties;
import io.clearflow.mining.variants.VariantMiner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What the page of one log shows: its analyses, cut to what a page holds, and the charts drawn from them. */
@Component
class LogPage {

    /** Single lines drawn in the spectrum before they are binned (more are unreadable and heavy on the page). */
    private static final int SPECTRUM_LINES = 2_000;

    private final LogResolver resolver;
    private final PlatformLogSource platform;
    private final MiningProperties properties;
    private final WorkingTime workingTime;
    private final DesignDraftOffering drafts;
    private final OrgDirectory directory;
    private final MessageSource messages;
    private final ObjectMapper json;

    LogPage(LogResolver resolver, PlatformLogSource platform, MiningProperties properties, WorkingTime workingTime,
            DesignDraftOffering drafts, OrgDirectory directory, MessageSource messages, ObjectMapper json) {
        this.resolver = resolver;
        this.platform = platform;
        this.properties = properties;
        this.workingTime = workingTime;
        this.drafts = drafts;
        this.directory = directory;
        this.messages = messages;
        this.json = json;
    }

    /**
     * The page's model attributes.
     *
     * @param calendar working | wall switches the durations to working time and back (null: the setting)
     * @param segmentSource with segmentTarget the spectrum's segment (null: the hand-off with the most waiting)
     */
    Map<String, Object> attributes(String id, String processKey, String calendar, String segmentSource,
                                   String segmentTarget) {
        Map<String, Object> model = new LinkedHashMap<>();
        boolean working = workingTime.working(calendar);
        TimeMeasure measure = workingTime.measure(calendar);
        model.put("workingTime", working);
        String process = processOf(id, processKey, model);
        EventLog log = resolver.resolve(id, process);
        model.put("id", id);
        model.put("title", PlatformLogSource.ID.equals(id) ? message("mining.platformLog") : log.name());
        model.put("summary", LogSummary.of(log));
        var variants = VariantMiner.mine(log);
        model.put("variantCount", variants.size());
        model.put("variants", first(variants, 20));
        MetricsReport metrics = MetricsCalculator.compute(log, measure);
        model.put("metrics", metrics);
        model.put("processChart", toJson(MiningCharts.process(metrics, this::message)));
        model.put("waitingChart", toJson(MiningCharts.taskWaiting(metrics, this::message)));
        model.put("resourceChart", toJson(MiningCharts.resources(metrics, this::message)));
        var bottlenecks = BottleneckAnalyzer.analyze(log, properties.defaultSla(), measure);
        model.put("bottlenecks", bottlenecks);
        model.put("waits", first(bottlenecks.activities(), 10));
        model.put("handoffs", first(bottlenecks.handoffs(), 10));
        organisation(model, OrganisationalMiner.mine(log));
        spectrum(model, log, LogUpload.blank(segmentSource), LogUpload.blank(segmentTarget), bottlenecks);
        model.put("defaultNoise", properties.discovery().defaultNoise());
        model.put("scenarios", drafts.scenarios());
        return model;
    }

    private void organisation(Map<String, Object> model, OrganisationReport organisation) {
        model.put("organisation", organisation);
        model.put("handoverChart", toJson(MiningCharts.network(message("mining.org.handover"),
                organisation.handovers().stream().map(h -> new String[] {person(h.source()), person(h.target())}).toList(),
                organisation.handovers().stream().map(OrganisationReport.Handover::count).toList(), true, 60)));
        model.put("togetherChart", toJson(MiningCharts.network(message("mining.org.together"),
                organisation.workingTogether().stream().map(t -> new String[] {person(t.first()), person(t.second())}).toList(),
                organisation.workingTogether().stream().map(OrganisationReport.Together::cases).toList(), false, 60)));
        model.put("activityResources", first(organisation.activities(), 20));
    }

    /**
     * The performance spectrum of the chosen segment; without a choice, of the hand-off with the most total waiting,
     * where queues and batches are likeliest to show.
     */
    private void spectrum(Map<String, Object> model, EventLog log, String source, String target,
                          BottleneckReport bottlenecks) {
        List<String> activities = new ArrayList<>();
        for (int i = 0; i < log.activityCount(); i++) {
            activities.add(log.activityName(i));
        }
        activities.sort(null);
        model.put("spectrumActivities", activities);
        if ((source == null || target == null) && !bottlenecks.handoffs().isEmpty()) {
            source = bottlenecks.handoffs().get(0).source();
            target = bottlenecks.handoffs().get(0).target();
        }
        if (source == null || target == null || !activities.contains(source) || !activities.contains(target)) {
            return;
        }
        SpectrumReport report = PerformanceSpectrum.of(log, source, target, SPECTRUM_LINES);
        model.put("spectrum", report);
        model.put("spectrumChart", toJson(MiningCharts.spectrum(report, this::message)));
    }

    /**
     * The process the platform log's pages analyse: the one asked for, else the one with the most cases (null for other
     * logs, and for a platform log without any process yet). Puts the choice and the processes to choose from on the page.
     */
    private String processOf(String id, String requested, Map<String, Object> model) {
        if (!PlatformLogSource.ID.equals(id)) {
            return null;
        }
        var processes = platform.processes();
        String chosen = LogUpload.blank(requested) != null ? requested.strip()
                : processes.isEmpty() ? null : processes.get(0).key();
        model.put("processes", processes);
        model.put("processKey", chosen);
        return chosen;
    }

    private static <T> List<T> first(List<T> rows, int count) {
        return rows.subList(0, Math.min(count, rows.size()));
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** A resource by name when it is one of the platform's people (the platform log), else as the log names it. */
    private String person(String resource) {
        return resource == null ? null : directory.member(resource).map(Member::displayName)
                .filter(n -> !n.isBlank()).orElse(resource);
    }

    private String toJson(Map<String, Object> option) {
        try {
            return json.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
