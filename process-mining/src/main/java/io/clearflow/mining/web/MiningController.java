package io.clearflow.mining.web;

import io.clearflow.engine.api.Idempotent;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.mining.bottleneck.BottleneckAnalyzer;
import io.clearflow.mining.spectrum.PerformanceSpectrum;
import io.clearflow.mining.spectrum.SpectrumReport;
import io.clearflow.mining.calendar.WorkingTime;
import io.clearflow.mining.bottleneck.BottleneckReport;
import io.clearflow.mining.csv.ColumnMapping;
import io.clearflow.mining.conformance.BpmnModelException;
import io.clearflow.mining.conformance.ConformanceReport;
import io.clearflow.mining.conformance.ConformanceService;
import io.clearflow.mining.dfg.Dfg;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.mining.discovery.DesignDraftOffering;
import io.clearflow.mining.discovery.DiscoveryService;
import io.clearflow.mining.dfg.DfgMiner;
import io.clearflow.mining.ingest.IngestedLogs;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.heuristics.HeuristicsMiner;
import io.clearflow.mining.heuristics.HeuristicsNet;
import io.clearflow.mining.log.LogFormatException;
import io.clearflow.mining.organisation.OrganisationReport;
import io.clearflow.mining.organisation.OrganisationalMiner;
import io.clearflow.mining.ocel.OcelLog;
import io.clearflow.mining.ocel.OcelReader;
import io.clearflow.mining.log.LogSummary;
import io.clearflow.mining.metrics.MetricsCalculator;
import io.clearflow.mining.metrics.MetricsReport;
import io.clearflow.mining.platform.PlatformLogSource;
import io.clearflow.mining.store.LogStore;
import io.clearflow.mining.store.MiningProperties;
import io.clearflow.mining.variants.Variant;
import io.clearflow.mining.variants.VariantMiner;
import io.clearflow.mining.xes.XesExporter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/mining/logs")
@PreAuthorize("hasAnyRole('ADMIN','PROCESS_OWNER','IT_MANAGER','COMPLIANCE')")
@Tag(name = "Process mining", description = "Imported XES/CSV logs and the platform's own log (id 'platform'): "
        + "summary, directly-follows graph, variants, the seed's metric system and bottlenecks. Every analysis takes "
        + "the case filters from, to (case start), activity, resource, department, variant (repeated), "
        + "minDurationMs, maxDurationMs, and for the platform log processKey.")
class MiningController {

    private static final String CALENDAR = "'working': durations, waiting and handling in working time by the configured "
            + "calendar (clearflow.mining.calendar: working days and hours, Chinese public holidays and adjusted working "
            + "days); 'wall': elapsed time; default clearflow.mining.calendar.working-time";

    private final LogStore store;
    private final PlatformLogSource platform;
    private final MiningProperties properties;
    private final DiscoveryService discovery;
    private final ConformanceService conformance;
    private final IngestedLogs ingested;
    private final LogResolver resolver;
    private final DesignDraftOffering drafts;
    private final CurrentUser currentUser;
    private final WorkingTime workingTime;

    MiningController(LogStore store, PlatformLogSource platform, MiningProperties properties,
                     DiscoveryService discovery, ConformanceService conformance, IngestedLogs ingested,
                     LogResolver resolver, DesignDraftOffering drafts, CurrentUser currentUser,
                     WorkingTime workingTime) {
        this.workingTime = workingTime;
        this.drafts = drafts;
        this.currentUser = currentUser;
        this.ingested = ingested;
        this.resolver = resolver;
        this.conformance = conformance;
        this.store = store;
        this.platform = platform;
        this.properties = properties;
        this.discovery = discovery;
    }

    @Idempotent
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an XES, XES.gz or CSV event log; returns its id and summary",
            description = "CSV columns default to the XES names (case:concept:name, concept:name, time:timestamp, "
                    + "org:resource, org:group, org:role, lifecycle:transition, concept:instance); name others with the "
                    + "*Column parameters. skipInvalid skips events with an unusable timestamp and counts them. An OCEL 2.0 "
                    + "log (JSON or XML) is flattened on objectType (see POST object-types), as pm4py does. The case "
                    + "filters (from, to, activity, resource, department, variant, minDurationMs, maxDurationMs) import "
                    + "only the cases they keep: an XES log is filtered while it is read, so a slice of a log larger "
                    + "than clearflow.mining.max-events can be imported; the filter is kept for re-imports.")
    ResponseEntity<ImportedLog> upload(@RequestPart("file") MultipartFile file,
                                       @RequestParam(required = false) String caseColumn,
                                       @RequestParam(required = false) String activityColumn,
                                       @RequestParam(required = false) String timestampColumn,
                                       @RequestParam(required = false) String resourceColumn,
                                       @RequestParam(required = false) String groupColumn,
                                       @RequestParam(required = false) String roleColumn,
                                       @RequestParam(required = false) String lifecycleColumn,
                                       @RequestParam(required = false) String instanceColumn,
                                       @RequestParam(defaultValue = "false") boolean skipInvalid,
                                       @RequestParam(required = false) String objectType,
                                       @ParameterObject LogParameters filter) throws IOException {
        if (file.getSize() > properties.maxUploadSize().toBytes()) {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
                    "event log larger than " + properties.maxUploadSize() + " (clearflow.mining.max-upload-size)");
        }
        if (file.isEmpty()) {
            throw new InvalidRequestException("the uploaded file is empty");
        }
        var mapping = new ColumnMapping(caseColumn, activityColumn, timestampColumn, resourceColumn, groupColumn,
                roleColumn, lifecycleColumn, instanceColumn);
        try (InputStream content = file.getInputStream()) {
            var stored = store.importLog(file.getOriginalFilename(), content, mapping, skipInvalid, objectType,
                    filter == null ? null : filter.filter());
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(ImportedLog.of(stored.id(), LogSummary.of(stored.log()), stored.skippedEvents()));
        } catch (LogFormatException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    /** Offered before an OCEL upload, so the user can choose what a case is. Nothing is stored. */
    @PostMapping(value = "/object-types", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "The object types of an OCEL 2.0 log (JSON or XML), with their objects and related events")
    List<OcelLog.ObjectType> objectTypes(@RequestPart("file") MultipartFile file) throws IOException {
        if (file.getSize() > properties.maxUploadSize().toBytes()) {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
                    "event log larger than " + properties.maxUploadSize() + " (clearflow.mining.max-upload-size)");
        }
        if (file.isEmpty()) {
            throw new InvalidRequestException("the uploaded file is empty");
        }
        try (InputStream content = file.getInputStream()) {
            return OcelReader.read(content).types();
        } catch (LogFormatException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    @GetMapping
    @Operation(summary = "The logs that can be mined: 'platform', the imported ones (newest first), the ingested ones")
    List<LogEntry> list() {
        List<LogEntry> entries = new java.util.ArrayList<>();
        entries.add(new LogEntry(PlatformLogSource.ID, "platform", "platform", null));
        store.list().forEach(e -> entries.add(new LogEntry(e.id(), e.fileName(), "imported", e.importedAt())));
        ingested.names().forEach(n -> entries.add(new LogEntry(IngestedLogs.ID_PREFIX + n, n, "ingested", null)));
        return entries;
    }

    /** @param kind platform, imported or ingested (Kafka) */
    record LogEntry(String id, String name, String kind, java.time.Instant importedAt) {
    }

    @GetMapping("/{id}/summary")
    @Operation(summary = "Cases, events, activities, first and last timestamp")
    LogSummary summary(@PathVariable String id, @ParameterObject LogParameters parameters) {
        return LogSummary.of(log(id, parameters));
    }

    @GetMapping("/{id}/dfg")
    @Operation(summary = "Directly-follows graph with frequency and mean/median time between the events (ms)",
            description = "Within each case, events by timestamp (ties keep log order); if the log has lifecycle "
                    + "transitions only complete events count. Start and end activities with case counts.")
    Dfg dfg(@PathVariable String id, @ParameterObject LogParameters parameters) {
        return DfgMiner.mine(log(id, parameters));
    }

    @GetMapping("/{id}/heuristics")
    @Operation(summary = "Heuristics net (Weijters & Ribeiro): dependency graph with loops of length one and two",
            description = "Edges with at least positiveObservations directly-follows occurrences and a dependency "
                    + "(|a>b|-|b>a|)/(|a>b|+|b>a|+1) of at least dependency; length-1 loops |a>a|/(|a>a|+1) >= loopOne; "
                    + "length-2 loops (a b a) >= loopTwo. Same shape as the DFG plus each edge's dependency and loop kind.")
    HeuristicsNet heuristics(@PathVariable String id, @ParameterObject LogParameters parameters,
                             @RequestParam(defaultValue = "0.5") double dependency,
                             @RequestParam(defaultValue = "1") int positiveObservations,
                             @RequestParam(defaultValue = "0.5") double loopOne,
                             @RequestParam(defaultValue = "0.5") double loopTwo) {
        HeuristicsMiner.Parameters chosen;
        try {
            chosen = new HeuristicsMiner.Parameters(dependency, positiveObservations, loopOne, loopTwo);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        return HeuristicsMiner.mine(log(id, parameters), chosen);
    }

    @GetMapping("/{id}/organisation")
    @Operation(summary = "Organisational mining: handover-of-work and working-together networks, resources per activity",
            description = "Handover: consecutive control-flow events of a case done by two different people (events "
                    + "without org:resource passed over); count and cases. Working together: cases both people are in.")
    OrganisationReport organisation(@PathVariable String id, @ParameterObject LogParameters parameters) {
        return OrganisationalMiner.mine(log(id, parameters));
    }

    @GetMapping("/{id}/variants")
    @Operation(summary = "Variants (activity sequences, as in the DFG) with case counts and share, most frequent first")
    List<Variant> variants(@PathVariable String id, @ParameterObject LogParameters parameters) {
        return VariantMiner.mine(log(id, parameters));
    }

    @GetMapping("/{id}/metrics")
    @Operation(summary = "The seed's metric system with month-over-month rows",
            description = "Process: handling duration, departments and roles per case. Task: waiting (arrival to "
                    + "claim/start), handling (claim/start to complete), send-backs, withdrawals. Post/person: "
                    + "processes and steps per resource, peak steps per hour and per day per post (org:group).")
    MetricsReport metrics(@PathVariable String id, @ParameterObject LogParameters parameters,
                          @Parameter(description = CALENDAR) @RequestParam(required = false) String calendar) {
        return MetricsCalculator.compute(log(id, parameters), workingTime.measure(calendar));
    }

    @GetMapping("/{id}/bottlenecks")
    @Operation(summary = "Activities, hand-offs and departments ranked by total waiting; rework loops; cases over the SLA")
    BottleneckReport bottlenecks(@PathVariable String id, @ParameterObject LogParameters parameters,
                                 @Parameter(description = "ISO-8601 duration, e.g. P5D; default clearflow.mining.default-sla")
                                 @RequestParam(required = false) Duration sla,
                                 @Parameter(description = CALENDAR) @RequestParam(required = false) String calendar) {
        return BottleneckAnalyzer.analyze(log(id, parameters), sla != null ? sla : properties.defaultSla(),
                workingTime.measure(calendar));
    }

    @GetMapping("/{id}/spectrum")
    @Operation(summary = "Performance spectrum of a segment: each time a case went from source directly to target",
            description = "Lines from the source event's time to the target event's, with the duration quartile (1 "
                    + "fastest to 4 slowest); above maxLines (default 2000, at most 100000) segments they are binned into "
                    + "100 time bins per axis, a line per start bin, end bin and quartile with its count.")
    SpectrumReport spectrum(@PathVariable String id, @ParameterObject LogParameters parameters,
                            @RequestParam String source, @RequestParam String target,
                            @RequestParam(defaultValue = "2000") int maxLines) {
        if (maxLines < 1 || maxLines > 100_000) {
            throw new InvalidRequestException("maxLines must be between 1 and 100000");
        }
        try {
            return PerformanceSpectrum.of(log(id, parameters), source, target, maxLines);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    @PostMapping(value = "/{id}/discover", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "Discover a sound model (inductive miner, infrequent: IMf) as BPMN 2.0 with diagram",
            description = "noise 0..1 (default clearflow.mining.discovery.default-noise, 0.2): edges rarer than noise "
                    + "times the strongest edge leaving the same activity are ignored when no cut fits; 0 gives a model "
                    + "that replays every case. User tasks are offered to clearflow.mining.discovery.candidate-group. "
                    + "The model deploys on the engine as is.")
    ResponseEntity<byte[]> discover(@PathVariable String id, @ParameterObject LogParameters parameters,
                                    @RequestParam(required = false) Double noise,
                                    @RequestParam(required = false) String name) {
        EventLog log = log(id, parameters);
        byte[] bpmn = discovery.discoverBpmn(log, noise, name == null ? log.name() : name);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, DiscoveredModelFile.attachment(name == null ? log.name() : name,
                        java.time.LocalDate.now()))
                .contentType(MediaType.APPLICATION_XML)
                .body(bpmn);
    }

    @PostMapping("/{id}/discover/offer")
    @PreAuthorize("hasAnyRole('ADMIN','PROCESS_OWNER')")
    @Operation(summary = "Discover a model and offer it to a governance scenario as a design draft",
            description = "The scenario's owner adopts or ignores the draft in the governance catalog; nothing is "
                    + "published. Same noise and filters as /discover.")
    ResponseEntity<DesignDraftOffering.DraftOffer> offer(@PathVariable String id, @ParameterObject LogParameters parameters,
                                                        @RequestParam String scenarioId,
                                                        @RequestParam(required = false) Double noise) {
        EventLog log = log(id, parameters);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(drafts.offer(id, log, noise, scenarioId, currentUser.get().userId()));
    }

    @PostMapping(value = "/{id}/conformance", consumes = {MediaType.MULTIPART_FORM_DATA_VALUE,
            MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.ALL_VALUE})
    @Operation(summary = "Token-based replay and optimal alignments of the log on a BPMN model: fitness overall and per "
            + "case, deviations",
            description = "One of a multipart part 'model' (BPMN 2.0 XML), the parameter modelProcessKey (the latest "
                    + "deployed version of that process) or discoveredNoise (the model IMf discovers from this log). "
                    + "Token replay fitness = 1/2(1-missing/consumed) + 1/2(1-remaining/produced) as in pm4py; 'alignments' "
                    + "holds pm4py's alignment-based fitness (standard costs) with log and model moves per case. Tasks, start/end/intermediate events, exclusive and parallel gateways are supported; "
                    + "other elements are refused with a 400 naming them. DTDs/external entities are refused.")
    ConformanceReport conformance(@PathVariable String id, @ParameterObject LogParameters parameters,
                                  @RequestPart(name = "model", required = false) MultipartFile model,
                                  @RequestParam(required = false) String modelProcessKey,
                                  @RequestParam(required = false) Double discoveredNoise) throws IOException {
        int given = (model == null || model.isEmpty() ? 0 : 1) + (modelProcessKey == null || modelProcessKey.isBlank() ? 0 : 1)
                + (discoveredNoise == null ? 0 : 1);
        if (given != 1) {
            throw new InvalidRequestException("give one of a BPMN file (part 'model'), modelProcessKey or discoveredNoise");
        }
        EventLog log = log(id, parameters);
        if (discoveredNoise != null) {
            if (!(discoveredNoise >= 0 && discoveredNoise <= 1)) {
                throw new InvalidRequestException("discoveredNoise must be between 0 and 1");
            }
            return conformance.check(log, discovery.discoverBpmn(log, discoveredNoise, log.name()));
        }
        try {
            if (model != null && !model.isEmpty()) {
                if (model.getSize() > properties.maxUploadSize().toBytes()) {
                    throw new InvalidRequestException("model larger than " + properties.maxUploadSize());
                }
                return conformance.check(log, model.getBytes());
            }
            return conformance.checkDeployed(log, modelProcessKey);
        } catch (BpmnModelException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    @GetMapping(value = "/{id}/export.xes", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "The log or filtered slice as IEEE 1849 XES")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String id, @ParameterObject LogParameters parameters) {
        EventLog log = log(id, parameters);
        StreamingResponseBody body = out -> {
            try {
                XesExporter.write(log, out);
            } catch (javax.xml.stream.XMLStreamException e) {
                throw new IOException(e);
            }
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".xes\"")
                .contentType(MediaType.APPLICATION_XML)
                .body(body);
    }

    private EventLog log(String id, LogParameters parameters) {
        return resolver.resolve(id, parameters);
    }
}
