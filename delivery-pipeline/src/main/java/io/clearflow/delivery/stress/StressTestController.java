package io.clearflow.delivery.stress;

import io.clearflow.delivery.stress.report.CjkFontMissingException;
import io.clearflow.delivery.stress.report.StressReportDocx;
import io.clearflow.delivery.stress.report.StressReportPdf;
import io.clearflow.delivery.stress.workload.CallSampleReader;
import io.clearflow.delivery.stress.workload.WorkloadModel;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Stress tests over REST; each handler is one service call (texts are checked by the service, as on the pages). */
@RestController
class StressTestController {

    record RequestBodyIn(@NotNull @Positive Long versionId, @Size(max = StressTestService.MAX_TEXT) String scenariosWanted) { }

    record Created(long id) { }

    record TaskIn(String title, String owner, LocalDate deadline) { }

    record PlanIn(String object, String metrics, String method, String resources, String risks,
                  @Size(max = 100) List<@Valid TaskIn> tasks) { }

    record DesignIn(String scenarios) { }

    record ReportIn(String environment, String cases, String process, String anomalies, String conclusion) { }

    record ConfirmIn(@NotNull Boolean confirmed, String upgradeRisk, String comment) { }

    record VerifyIn(@NotNull Boolean passed, String note) { }

    record PhaseIn(String phase) { }

    /** Phase boundaries in minutes from the run's start; null or absent: back to the detected ones. */
    record BoundsIn(@Size(max = PhaseSplit.MAX_BOUNDS) List<@NotNull Double> boundsMinutes) { }

    record TaskDoneIn(@NotNull Boolean done) { }

    record PeakIn(@NotNull @Positive Double peakTps, @NotNull @PositiveOrZero Double peakBandwidthMbps,
                  @NotNull @PositiveOrZero Double bandwidthMbps,
                  @DecimalMin("1.0") @DecimalMax("100.0") Double capacityFactor,
                  @DecimalMin("1.0") @DecimalMax("100.0") Double bandwidthFactor,
                  @DecimalMin("0.0") @DecimalMax("1.0") Double maxErrorRate,
                  @DecimalMin("0.0") @DecimalMax("1.0") Double regressionTolerance) { }

    /** The answer to an upload: the four figures, plus which of them are the tool's own aggregates. */
    record ResultAnswer(long id, long samples, double throughput, double p95Ms, double errorRate, String format,
                        String phase, List<String> toolFigures) { }

    private final StressTestService service;
    private final StressReportDocx docx;
    private final StressReportPdf pdf;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    StressTestController(StressTestService service, StressReportDocx docx, StressReportPdf pdf, CurrentUser currentUser,
                         MessageSource messages) {
        this.service = service;
        this.docx = docx;
        this.pdf = pdf;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    @GetMapping("/api/delivery/stress-tests/{id}/report.docx")
    @PreAuthorize(StressAccess.READ)
    ResponseEntity<byte[]> report(@PathVariable long id, Locale locale) {
        StressTestService.Detail detail = service.detail(id);
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("stress-test-" + detail.test().key() + ".docx").build().toString())
                .body(docx.render(detail, locale));
    }

    @GetMapping("/api/delivery/stress-tests/{id}/report.pdf")
    @PreAuthorize(StressAccess.READ)
    ResponseEntity<byte[]> reportPdf(@PathVariable long id, Locale locale) {
        StressTestService.Detail detail = service.detail(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("stress-test-" + detail.test().key() + ".pdf").build().toString())
                .body(pdf.render(detail, locale));
    }

    /** The server lacks the font, not the request anything: 503 saying what to install. */
    @ExceptionHandler(CjkFontMissingException.class)
    ProblemDetail fontMissing(CjkFontMissingException e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, messages.getMessage(
                "delivery.stress.pdf.fontMissing", new Object[] {String.join(", ", e.searched())}, locale));
    }

    /** The production call-mix sample as a workload model: shares, main set, the four test types' mixes and rates. */
    @PostMapping(path = "/api/delivery/stress-tests/workload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(StressAccess.READ)
    WorkloadModel.Model workload(@RequestPart("file") MultipartFile file, @RequestParam double peakTps,
                                 @RequestParam(defaultValue = "3") double multiple) throws IOException {
        return model(file, peakTps, multiple);
    }

    /** The same model's mixes as CSV for the load tool. */
    @PostMapping(path = "/api/delivery/stress-tests/workload.csv", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(StressAccess.READ)
    ResponseEntity<String> workloadCsv(@RequestPart("file") MultipartFile file, @RequestParam double peakTps,
                                       @RequestParam(defaultValue = "3") double multiple) throws IOException {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("workload-mix.csv")
                        .build().toString())
                .body(WorkloadModel.csv(model(file, peakTps, multiple)));
    }

    private static WorkloadModel.Model model(MultipartFile file, double peakTps, double multiple) throws IOException {
        if (!(peakTps > 0) || peakTps > 1e9) {
            throw new InvalidRequestException("delivery.stress.error.required", Map.of("peakTps", "delivery.stress.error.required"));
        }
        if (!(multiple > 0) || multiple > 100) {
            throw new InvalidRequestException("delivery.stress.error.multiple", Map.of("multiple", "delivery.stress.error.multiple"));
        }
        try (InputStream in = file.getInputStream()) {
            return WorkloadModel.of(CallSampleReader.read(in), peakTps, multiple);
        }
    }

    @PostMapping("/api/delivery/stress-tests")
    @PreAuthorize(StressAccess.REQUEST)
    ResponseEntity<Created> request(@Valid @RequestBody RequestBodyIn body) {
        StressTest test = service.request(currentUser.get(), body.versionId(), body.scenariosWanted());
        return ResponseEntity.created(URI.create("/api/delivery/stress-tests/" + test.id())).body(new Created(test.id()));
    }

    @GetMapping("/api/delivery/stress-tests")
    @PreAuthorize(StressAccess.READ)
    List<StressTest> latest(@RequestParam(required = false) Long versionId,
                            @RequestParam(defaultValue = "100") int limit) {
        return versionId != null ? service.ofVersion(versionId) : service.latest(limit);
    }

    @GetMapping("/api/delivery/stress-tests/{id}")
    @PreAuthorize(StressAccess.READ)
    StressTestService.Detail detail(@PathVariable long id) {
        return service.detail(id);
    }

    @PostMapping("/api/delivery/stress-tests/{id}/plan")
    @PreAuthorize(StressAccess.INFRA)
    StressTest plan(@PathVariable long id, @Valid @RequestBody PlanIn in) {
        List<StressTestService.NewTask> tasks = in.tasks() == null ? List.of() : in.tasks().stream()
                .map(t -> t == null ? null : new StressTestService.NewTask(t.title(), t.owner(), t.deadline())).toList();
        return service.plan(currentUser.get(), id, new StressTest.Plan(in.object(), in.metrics(), in.method(),
                in.resources(), in.risks()), tasks);
    }

    @PostMapping("/api/delivery/stress-tests/{id}/tasks/{taskId}")
    @PreAuthorize(StressAccess.INFRA)
    StressTask taskDone(@PathVariable long id, @PathVariable long taskId, @Valid @RequestBody TaskDoneIn in) {
        return service.taskDone(currentUser.get(), id, taskId, in.done());
    }

    @PostMapping("/api/delivery/stress-tests/{id}/design")
    @PreAuthorize(StressAccess.INFRA)
    StressTest design(@PathVariable long id, @RequestBody DesignIn in) {
        return service.design(currentUser.get(), id, in.scenarios());
    }

    @PostMapping(path = "/api/delivery/stress-tests/{id}/results", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(StressAccess.RESULTS)
    ResponseEntity<ResultAnswer> upload(@PathVariable long id, @RequestPart("file") MultipartFile file,
                                        @RequestParam(required = false) String phase) throws IOException {
        StressResult r;
        try (InputStream in = file.getInputStream()) {
            r = service.upload(currentUser.get(), id, file.getOriginalFilename(), in, phase);
        }
        return ResponseEntity.created(URI.create("/api/delivery/stress-tests/" + id))
                .body(new ResultAnswer(r.id(), r.samples(), r.throughput(), r.p95Ms(), r.errorRate(), r.format(),
                        r.phase().name(), r.toolFigures()));
    }

    @PostMapping("/api/delivery/stress-tests/{id}/results/{resultId}/phases")
    @PreAuthorize(StressAccess.RESULTS)
    StressResult phaseBounds(@PathVariable long id, @PathVariable long resultId, @Valid @RequestBody BoundsIn in) {
        return service.phaseBounds(currentUser.get(), id, resultId, in.boundsMinutes());
    }

    @PostMapping("/api/delivery/stress-tests/{id}/results/{resultId}/phase")
    @PreAuthorize(StressAccess.RESULTS)
    StressResult phase(@PathVariable long id, @PathVariable long resultId, @RequestBody PhaseIn in) {
        return service.phase(currentUser.get(), id, resultId, in.phase());
    }

    @PostMapping("/api/delivery/stress-tests/{id}/executed")
    @PreAuthorize(StressAccess.INFRA)
    StressTest executed(@PathVariable long id) {
        return service.executed(currentUser.get(), id);
    }

    @PostMapping("/api/delivery/stress-tests/{id}/report")
    @PreAuthorize(StressAccess.INFRA)
    StressTest report(@PathVariable long id, @RequestBody ReportIn in) {
        return service.report(currentUser.get(), id, new StressTest.Report(in.environment(), in.cases(), in.process(),
                in.anomalies(), in.conclusion()));
    }

    @PostMapping("/api/delivery/stress-tests/{id}/confirm")
    @PreAuthorize(StressAccess.OPS)
    StressTest confirm(@PathVariable long id, @Valid @RequestBody ConfirmIn in) {
        return service.confirm(currentUser.get(), id, in.confirmed(), in.upgradeRisk(), in.comment());
    }

    @PostMapping("/api/delivery/stress-tests/{id}/production-verification")
    @PreAuthorize(StressAccess.OPS)
    StressTest verify(@PathVariable long id, @Valid @RequestBody VerifyIn in) {
        return service.verifyProduction(currentUser.get(), id, in.passed(), in.note());
    }

    @GetMapping("/api/delivery/systems/{system}/stress-peak")
    @PreAuthorize(StressAccess.READ)
    SystemPeak peak(@PathVariable String system) {
        return service.peak(system).orElseThrow(() -> new io.clearflow.engine.api.NotFoundException("stress peak", system));
    }

    @PutMapping("/api/delivery/systems/{system}/stress-peak")
    @PreAuthorize(StressAccess.PEAKS)
    SystemPeak savePeak(@PathVariable String system, @Valid @RequestBody PeakIn in) {
        return service.savePeak(currentUser.get(), system, in.peakTps(), in.peakBandwidthMbps(), in.bandwidthMbps(),
                in.capacityFactor(), in.bandwidthFactor(), in.maxErrorRate(), in.regressionTolerance());
    }
}
