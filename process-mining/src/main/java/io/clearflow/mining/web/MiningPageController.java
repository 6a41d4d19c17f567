package io.clearflow.mining.web;

import org.springframework.web.bind.annotation.ResponseBody;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.mining.discovery.DesignDraftOffering;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.api.NavigationItem;
import io.clearflow.mining.bottleneck.BottleneckAnalyzer;
import io.clearflow.mining.bottleneck.BottleneckReport;
import io.clearflow.mining.spectrum.PerformanceSpectrum;
import io.clearflow.mining.spectrum.SpectrumReport;
import io.clearflow.mining.calendar.TimeMeasure;
import io.clearflow.mining.calendar.WorkingTime;
import io.clearflow.mining.conformance.BpmnModelException;
import io.clearflow.mining.conformance.ConformanceService;
import io.clearflow.mining.csv.ColumnMapping;
import io.clearflow.mining.discovery.DiscoveryService;
import io.clearflow.mining.ingest.IngestedLogs;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.LogFormatException;
import io.clearflow.mining.organisation.OrganisationReport;
import io.clearflow.mining.organisation.OrganisationalMiner;
import io.clearflow.mining.log.LogSummary;
import io.clearflow.mining.metrics.MetricsCalculator;
import io.clearflow.mining.metrics.MetricsReport;
import io.clearflow.mining.platform.PlatformLogSource;
import io.clearflow.mining.store.LogStore;
import io.clearflow.mining.store.MiningProperties;
import io.clearflow.mining.variants.VariantMiner;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The process-mining pages (流程挖掘): the list of logs with the upload form, and one log's analyses. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','PROCESS_OWNER','IT_MANAGER','COMPLIANCE')")
class MiningPageController {

    /** Single lines drawn in the spectrum before they are binned (more are unreadable and heavy on the page). */
    private static final int SPECTRUM_LINES = 2_000;

    static final List<String> ROLES = List.of("ADMIN", "PROCESS_OWNER", "IT_MANAGER", "COMPLIANCE");

    private final LogStore store;
    private final IngestedLogs ingested;
    private final LogResolver resolver;
    private final MiningProperties properties;
    private final DiscoveryService discovery;
    private final ConformanceService conformance;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final DesignDraftOffering drafts;
    private final CurrentUser currentUser;
    private final PlatformLogSource platform;

    private final io.clearflow.engine.identity.OrgDirectory directory;
    private final WorkingTime workingTime;

    MiningPageController(LogStore store, IngestedLogs ingested, LogResolver resolver, MiningProperties properties,
                         DiscoveryService discovery, ConformanceService conformance, MessageSource messages,
                         ObjectMapper json, DesignDraftOffering drafts, CurrentUser currentUser, PlatformLogSource platform,
                         io.clearflow.engine.identity.OrgDirectory directory, WorkingTime workingTime) {
        this.directory = directory;
        this.workingTime = workingTime;
        this.platform = platform;
        this.drafts = drafts;
        this.currentUser = currentUser;
        this.store = store;
        this.ingested = ingested;
        this.resolver = resolver;
        this.properties = properties;
        this.discovery = discovery;
        this.conformance = conformance;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/mining")
    String logs(Model model) {
        model.addAttribute("imported", store.list());
        model.addAttribute("ingested", ingested.names().stream().map(n -> IngestedLogs.ID_PREFIX + n).toList());
        model.addAttribute("maxUpload", properties.maxUploadSize().toMegabytes() + " MB");
        return "mining/logs";
    }

    /** How an upload ended: the imported log's id, or the refusal's message key and its detail. */
    private record Upload(String logId, String errorKey, Object[] args) { }

    @PostMapping("/mining/upload")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String caseColumn,
                  @RequestParam(required = false) String activityColumn,
                  @RequestParam(required = false) String timestampColumn,
                  @RequestParam(required = false) String resourceColumn,
                  @RequestParam(required = false) String groupColumn,
                  @RequestParam(required = false) String lifecycleColumn,
                  @RequestParam(defaultValue = "false") boolean skipInvalid,
                  @RequestParam(required = false) String objectType, RedirectAttributes redirect)
            throws IOException {
        Upload outcome = importUpload(file, caseColumn, activityColumn, timestampColumn, resourceColumn, groupColumn,
                lifecycleColumn, skipInvalid, objectType);
        if (outcome.logId() == null) {
            redirect.addFlashAttribute("flashError", outcome.errorKey());
            if (outcome.args().length > 0) {
                redirect.addFlashAttribute("flashErrorArgs", outcome.args());
            }
            return "redirect:/mining";
        }
        redirect.addFlashAttribute("flash", "mining.upload.done");
        return "redirect:/mining/logs/" + outcome.logId();
    }

    /**
     * The same upload sent by the page's script (which shows progress): it answers where to go, or the
     * refusal in the reader's language for the page to show in place. Following a redirect inside the
     * script would consume the one-time message before the page could show it.
     */
    @PostMapping(value = "/mining/upload", headers = "X-Requested-With=XMLHttpRequest")
    @ResponseBody
    ResponseEntity<Map<String, String>> uploadFromScript(@RequestParam("file") MultipartFile file,
                  @RequestParam(required = false) String caseColumn, @RequestParam(required = false) String activityColumn,
                  @RequestParam(required = false) String timestampColumn,
                  @RequestParam(required = false) String resourceColumn,
                  @RequestParam(required = false) String groupColumn,
                  @RequestParam(required = false) String lifecycleColumn,
                  @RequestParam(defaultValue = "false") boolean skipInvalid,
                  @RequestParam(required = false) String objectType,
                  jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
            throws IOException {
        Upload outcome = importUpload(file, caseColumn, activityColumn, timestampColumn, resourceColumn, groupColumn,
                lifecycleColumn, skipInvalid, objectType);
        if (outcome.logId() == null) {
            return ResponseEntity.unprocessableEntity().body(Map.of("error",
                    messages.getMessage(outcome.errorKey(), outcome.args(), LocaleContextHolder.getLocale())));
        }
        String location = request.getContextPath() + "/mining/logs/" + outcome.logId();
        // the page the script opens next says the log was imported
        org.springframework.web.servlet.support.RequestContextUtils.getOutputFlashMap(request).put("flash", "mining.upload.done");
        org.springframework.web.servlet.support.RequestContextUtils.saveOutputFlashMap(location, request, response);
        return ResponseEntity.ok(Map.of("location", location));
    }

    private Upload importUpload(MultipartFile file, String caseColumn, String activityColumn, String timestampColumn,
                                String resourceColumn, String groupColumn, String lifecycleColumn, boolean skipInvalid,
                                String objectType) throws IOException {
        if (file.isEmpty()) {
            return new Upload(null, "mining.upload.empty", new Object[0]);
        }
        if (file.getSize() > properties.maxUploadSize().toBytes()) {
            return new Upload(null, "mining.upload.tooLarge", new Object[0]);
        }
        var mapping = new ColumnMapping(blank(caseColumn), blank(activityColumn), blank(timestampColumn),
                blank(resourceColumn), blank(groupColumn), null, blank(lifecycleColumn), null);
        try (InputStream content = file.getInputStream()) {
            var stored = store.importLog(file.getOriginalFilename(), content, mapping, skipInvalid, blank(objectType));
            return new Upload(stored.id(), null, new Object[0]);
        } catch (LogFormatException e) {
            // the reason in the reader's language, never the parser's English
            return new Upload(null, "mining.upload.unreadable", new Object[] {
                    messages.getMessage(e.reasonKey(), e.reasonArgs(), LocaleContextHolder.getLocale())});
        }
    }

    String log(String id, String processKey, Model model) {
        return log(id, processKey, null, null, null, model);
    }

    /** {@code calendar} = working | wall switches the durations to working time and back (default: the setting). */
    @GetMapping("/mining/logs/{id}")
    String log(@PathVariable String id, @RequestParam(required = false) String processKey,
               @RequestParam(required = false) String calendar, @RequestParam(required = false) String segmentSource,
               @RequestParam(required = false) String segmentTarget, Model model) {
        boolean working = workingTime.working(calendar);
        TimeMeasure measure = workingTime.measure(calendar);
        model.addAttribute("workingTime", working);
        String process = processOf(id, processKey, model);
        EventLog log = resolver.resolve(id, process);
        model.addAttribute("id", id);
        model.addAttribute("title", PlatformLogSource.ID.equals(id) ? message("mining.platformLog") : log.name());
        model.addAttribute("summary", LogSummary.of(log));
        var variants = VariantMiner.mine(log);
        model.addAttribute("variantCount", variants.size());
        model.addAttribute("variants", variants.subList(0, Math.min(20, variants.size())));
        MetricsReport metrics = MetricsCalculator.compute(log, measure);
        model.addAttribute("metrics", metrics);
        model.addAttribute("processChart", toJson(MiningCharts.process(metrics, this::message)));
        model.addAttribute("waitingChart", toJson(MiningCharts.taskWaiting(metrics, this::message)));
        model.addAttribute("resourceChart", toJson(MiningCharts.resources(metrics, this::message)));
        var bottlenecks = BottleneckAnalyzer.analyze(log, properties.defaultSla(), measure);
        model.addAttribute("bottlenecks", bottlenecks);
        model.addAttribute("waits", bottlenecks.activities().subList(0, Math.min(10, bottlenecks.activities().size())));
        model.addAttribute("handoffs", bottlenecks.handoffs().subList(0, Math.min(10, bottlenecks.handoffs().size())));
        var organisation = OrganisationalMiner.mine(log);
        model.addAttribute("organisation", organisation);
        model.addAttribute("handoverChart", toJson(MiningCharts.network(message("mining.org.handover"),
                organisation.handovers().stream().map(h -> new String[] {person(h.source()), person(h.target())}).toList(),
                organisation.handovers().stream().map(OrganisationReport.Handover::count).toList(), true, 60)));
        model.addAttribute("togetherChart", toJson(MiningCharts.network(message("mining.org.together"),
                organisation.workingTogether().stream().map(t -> new String[] {person(t.first()), person(t.second())}).toList(),
                organisation.workingTogether().stream().map(OrganisationReport.Together::cases).toList(), false, 60)));
        model.addAttribute("activityResources",
                organisation.activities().subList(0, Math.min(20, organisation.activities().size())));
        spectrum(model, log, blank(segmentSource), blank(segmentTarget), bottlenecks);
        model.addAttribute("defaultNoise", properties.discovery().defaultNoise());
        model.addAttribute("scenarios", drafts.scenarios());
        return "mining/log";
    }

    @PostMapping("/mining/logs/{id}/offer")
    @PreAuthorize("hasAnyRole('ADMIN','PROCESS_OWNER')")
    String offer(@PathVariable String id, @RequestParam String scenarioId, @RequestParam(required = false) Double noise,
                 @RequestParam(required = false) String processKey, RedirectAttributes redirect) {
        drafts.offer(id, resolver.resolve(id, blank(processKey)), noise, scenarioId, currentUser.get().userId());
        redirect.addFlashAttribute("flash", "mining.offer.done");
        if (blank(processKey) != null) {
            redirect.addAttribute("processKey", processKey.strip());
        }
        return "redirect:/mining/logs/" + id;
    }

    @PostMapping("/mining/logs/{id}/conformance")
    String conformance(@PathVariable String id, @RequestParam("model") MultipartFile modelFile,
                       @RequestParam(required = false) String processKey, Model model) throws IOException {
        if (modelFile.isEmpty()) {
            model.addAttribute("conformanceError", message("mining.conformance.noFile"));
        } else {
            try {
                model.addAttribute("conformance", conformance.check(resolver.resolve(id, blank(processKey)), modelFile.getBytes()));
            } catch (BpmnModelException e) {
                // the reason in the reader's language, never the parser's English
                model.addAttribute("conformanceError",
                        messages.getMessage(e.reasonKey(), e.reasonArgs(), LocaleContextHolder.getLocale()));
            }
        }
        return log(id, processKey, model);
    }

    /**
     * The performance spectrum of the chosen segment; without a choice, of the hand-off with the most total waiting,
     * where queues and batches are likeliest to show.
     */
    private void spectrum(Model model, EventLog log, String source, String target, BottleneckReport bottlenecks) {
        List<String> activities = new ArrayList<>();
        for (int i = 0; i < log.activityCount(); i++) {
            activities.add(log.activityName(i));
        }
        activities.sort(null);
        model.addAttribute("spectrumActivities", activities);
        if ((source == null || target == null) && !bottlenecks.handoffs().isEmpty()) {
            source = bottlenecks.handoffs().get(0).source();
            target = bottlenecks.handoffs().get(0).target();
        }
        if (source == null || target == null || !activities.contains(source) || !activities.contains(target)) {
            return;
        }
        SpectrumReport report = PerformanceSpectrum.of(log, source, target, SPECTRUM_LINES);
        model.addAttribute("spectrum", report);
        model.addAttribute("spectrumChart", toJson(MiningCharts.spectrum(report, this::message)));
    }

    /** Token replay and alignments of the log on the model discovered from it (IMf, default noise). */
    @PostMapping("/mining/logs/{id}/conformance/discovered")
    String conformanceDiscovered(@PathVariable String id, @RequestParam(required = false) String processKey,
                                 Model model) {
        EventLog log = resolver.resolve(id, blank(processKey));
        model.addAttribute("conformance", conformance.check(log, discovery.discoverBpmn(log, null, log.name())));
        return log(id, processKey, model);
    }

    @GetMapping("/mining/logs/{id}/model.bpmn")
    ResponseEntity<byte[]> model(@PathVariable String id, @RequestParam(required = false) Double noise,
                                 @RequestParam(required = false) String processKey) {
        EventLog log = resolver.resolve(id, blank(processKey));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, DiscoveredModelFile.attachment(log.name(), java.time.LocalDate.now()))
                .contentType(MediaType.APPLICATION_XML)
                .body(discovery.discoverBpmn(log, noise, log.name()));
    }

    /** The discovered model drawn as the catalog draws designs, to look at before downloading or offering it. */
    @GetMapping(value = "/mining/logs/{id}/model.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> modelPreview(@PathVariable String id, @RequestParam(required = false) Double noise,
                                        @RequestParam(required = false) String processKey) {
        EventLog log = resolver.resolve(id, blank(processKey));
        return drafts.preview(discovery.discoverBpmn(log, noise, log.name()))
                .map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png))
                .orElseThrow(() -> new io.clearflow.engine.api.NotFoundException("diagram of the discovered model", id));
    }

    /**
     * The process the platform log's pages analyse: the one asked for, else the one with the most cases (null for other
     * logs, and for a platform log without any process yet). Puts the choice and the processes to choose from on the page.
     */
    private String processOf(String id, String requested, Model model) {
        if (!PlatformLogSource.ID.equals(id)) {
            return null;
        }
        var processes = platform.processes();
        String chosen = blank(requested) != null ? requested.strip() : processes.isEmpty() ? null : processes.get(0).key();
        model.addAttribute("processes", processes);
        model.addAttribute("processKey", chosen);
        return chosen;
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** A resource by name when it is one of the platform's people (the platform log), else as the log names it. */
    private String person(String resource) {
        return resource == null ? null : directory.member(resource).map(io.clearflow.engine.api.Member::displayName)
                .filter(n -> !n.isBlank()).orElse(resource);
    }

    private String toJson(Map<String, Object> option) {
        try {
            return json.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem miningNavigation() {
            return new NavigationItem("nav.mining", "/mining", 75, new ArrayList<>(ROLES), NavigationItem.GOVERNANCE);
        }
    }
}
