package io.clearflow.testmetrics.web;

import io.clearflow.engine.api.Idempotent;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.testmetrics.TestMetricsAccess;
import io.clearflow.testmetrics.ingest.ReportIngestService;
import io.clearflow.testmetrics.ingest.UploadTarget;
import io.clearflow.testmetrics.store.ReportRepository;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/test-metrics/reports}: one report, or a ZIP of many, detected by content. Answers 201 with
 * {@code {id, format, summary}}, or for a ZIP a list of them (header {@code ClearFlow-Skipped-Entries} counts
 * the files inside that were not reports).
 */
@RestController
class ReportController {

    private final ReportIngestService ingest;
    private final ReportRepository reports;
    private final CurrentUser currentUser;

    ReportController(ReportIngestService ingest, ReportRepository reports, CurrentUser currentUser) {
        this.ingest = ingest;
        this.reports = reports;
        this.currentUser = currentUser;
    }

    @Idempotent
    @PostMapping(path = "/api/test-metrics/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(TestMetricsAccess.UPLOAD)
    ResponseEntity<Object> upload(@RequestPart("file") MultipartFile file, @RequestParam("project") String project,
                                  @RequestParam("version") String version,
                                  @RequestParam(name = "run", required = false) String run) throws IOException {
        ingest.checkSize(file.getSize());
        ReportIngestService.Outcome outcome;
        try (InputStream in = file.getInputStream()) {
            outcome = ingest.ingest(new UploadTarget(project, version, run), file.getOriginalFilename(), in,
                    currentUser.get().userId());
        }
        if (outcome.zip()) {
            return ResponseEntity.status(201).header("ClearFlow-Skipped-Entries", String.valueOf(outcome.skipped().size()))
                    .body(outcome.reports());
        }
        ReportIngestService.Stored stored = outcome.reports().get(0);
        return ResponseEntity.created(URI.create("/api/test-metrics/reports/" + stored.id()))
                .body(new ReportAnswer(stored.id(), stored.format(), stored.summary()));
    }

    @GetMapping("/api/test-metrics/reports/{id}")
    @PreAuthorize(TestMetricsAccess.READ)
    ReportRepository.ReportRow report(@PathVariable long id) {
        return reports.find(id).orElseThrow(() -> new NotFoundException("report", String.valueOf(id)));
    }

    record ReportAnswer(long id, String format, java.util.Map<String, Object> summary) {
    }
}
