package io.clearflow.delivery.audit;

import io.clearflow.delivery.ArtifactTooLargeException;
import io.clearflow.delivery.DeliveryAccess;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.testmetrics.api.SarifFindings;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Code audits over HTTP: create, packages, findings, rule filters, code view, completion, the Word report. */
@RestController
class AuditController {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final AuditService audits;
    private final AuditReport report;
    private final AuditProperties properties;
    private final CurrentUser currentUser;

    AuditController(AuditService audits, AuditReport report, AuditProperties properties, CurrentUser currentUser) {
        this.audits = audits;
        this.report = report;
        this.properties = properties;
        this.currentUser = currentUser;
    }

    @PostMapping("/api/delivery/audits")
    @PreAuthorize(AuditAccess.AUDIT)
    ResponseEntity<Map<String, Long>> create(@Valid @RequestBody AuditRequests.NewAudit input) {
        long id = audits.create(input.versionId(), currentUser.get());
        return ResponseEntity.created(URI.create("/api/delivery/audits/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/api/delivery/audits/{id}")
    @PreAuthorize(DeliveryAccess.READ)
    Map<String, Object> detail(@PathVariable long id) {
        Audit audit = audits.audit(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", audit.id());
        body.put("versionId", audit.versionId());
        body.put("system", audit.system());
        body.put("version", audit.version());
        body.put("state", audit.state());
        body.put("opinion", audit.opinion());
        body.put("packages", audits.packages(id).stream().map(p -> packageView(p, false)).toList());
        List<Finding> findings = audits.findings(id);
        body.put("findings", findings.stream().map(AuditController::findingView).toList());
        body.put("blockingFindings", findings.stream().filter(Finding::blocking).count());
        return body;
    }

    @PostMapping("/api/delivery/audits/{id}/packages")
    @PreAuthorize(AuditAccess.UPLOAD)
    ResponseEntity<Map<String, Object>> upload(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file,
                                               @RequestParam(required = false) String label) throws IOException {
        checkFile(file, properties.maxPackageSize().toBytes());
        PackageUpload.Uploaded uploaded;
        try (InputStream in = file.getInputStream()) {
            uploaded = audits.upload(id, label == null ? file.getOriginalFilename() : label, in, currentUser.get());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", uploaded.id());
        body.put("previousId", uploaded.previousId());
        body.put("files", uploaded.files());
        body.put("changedFiles", uploaded.changedFiles());
        body.put("changedLines", uploaded.changedLines());
        body.put("units", uploaded.units());
        return ResponseEntity.created(URI.create("/api/delivery/audits/" + id + "/packages/" + uploaded.id())).body(body);
    }

    @GetMapping("/api/delivery/audits/{id}/packages/{packageId}")
    @PreAuthorize(DeliveryAccess.READ)
    Map<String, Object> auditPackage(@PathVariable long id, @PathVariable long packageId) {
        return packageView(audits.auditPackage(id, packageId), true);
    }

    @GetMapping("/api/delivery/audits/{id}/packages/{packageId}/code")
    @PreAuthorize(DeliveryAccess.READ)
    CodeView code(@PathVariable long id, @PathVariable long packageId, @RequestParam String path) {
        return audits.codeView(id, packageId, path);
    }

    @PostMapping("/api/delivery/audits/{id}/packages/{packageId}/annotations")
    @PreAuthorize(AuditAccess.AUDIT)
    ResponseEntity<Void> annotate(@PathVariable long id, @PathVariable long packageId,
                                  @Valid @RequestBody AuditRequests.Annotate input) {
        audits.annotate(id, packageId, input.path(), input.line(), input.text(), input.kbEntryId(), currentUser.get());
        return ResponseEntity.status(201).build();
    }

    @PostMapping("/api/delivery/audits/{id}/findings")
    @PreAuthorize(AuditAccess.UPLOAD)
    ResponseEntity<Map<String, Long>> findings(@PathVariable long id,
                                               @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        checkFile(file, Long.MAX_VALUE);
        SarifFindings.Counts counts;
        try (InputStream in = file.getInputStream()) {
            counts = audits.importFindings(id, in);
        }
        return ResponseEntity.status(201).body(countsBody(counts));
    }

    @PostMapping("/api/delivery/audits/{id}/interface-check")
    @PreAuthorize(AuditAccess.UPLOAD)
    ResponseEntity<Map<String, Long>> interfaceCheck(@PathVariable long id,
            @RequestPart(name = "definitions", required = false) MultipartFile definitions,
            @RequestPart(name = "calls", required = false) MultipartFile calls) throws IOException {
        checkFile(definitions, Long.MAX_VALUE);
        checkFile(calls, Long.MAX_VALUE);
        SarifFindings.Counts counts;
        try (InputStream d = definitions.getInputStream(); InputStream c = calls.getInputStream()) {
            counts = audits.interfaceCheck(id, d, c);
        }
        return ResponseEntity.status(201).body(countsBody(counts));
    }

    @PostMapping("/api/delivery/audits/{id}/findings/{findingId}/suppress")
    @PreAuthorize(AuditAccess.AUDIT)
    ResponseEntity<Void> suppress(@PathVariable long id, @PathVariable long findingId,
                                  @Valid @RequestBody AuditRequests.Suppress input) {
        audits.suppress(id, findingId, Boolean.TRUE.equals(input.wholeRule()), input.reason(), currentUser.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/delivery/audits/{id}/complete")
    @PreAuthorize(AuditAccess.COMPLETE)
    ResponseEntity<Void> complete(@PathVariable long id, @Valid @RequestBody AuditRequests.Complete input) {
        audits.complete(id, input.opinion(), currentUser.get());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/delivery/audits/{id}/report.docx")
    @PreAuthorize(DeliveryAccess.READ)
    ResponseEntity<byte[]> report(@PathVariable long id) {
        byte[] docx = report.docx(id, LocaleContextHolder.getLocale());
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("audit-" + id + ".docx").build().toString())
                .body(docx);
    }

    private static void checkFile(MultipartFile file, long limit) {
        if (file == null || file.isEmpty()) {
            throw new InvalidRequestException("delivery.audit.error.file", Map.of("file", "delivery.audit.error.file"));
        }
        if (file.getSize() > limit) {
            throw new ArtifactTooLargeException(limit);
        }
    }

    Map<String, Object> packageView(AuditPackage p, boolean withFiles) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", p.id());
        view.put("label", p.label());
        view.put("previousId", p.previousId());
        view.put("files", p.fileCount());
        view.put("changedFiles", p.changedFiles());
        view.put("changedLines", p.changedLines());
        view.put("uploadedBy", p.uploadedBy());
        view.put("uploadedAt", p.uploadedAt());
        if (withFiles) {
            view.put("units", audits.units(p));
            view.put("changes", audits.changedFiles(p.id()));
        }
        return view;
    }

    static Map<String, Object> findingView(Finding f) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", f.id());
        view.put("tool", f.tool());
        view.put("ruleId", f.ruleId());
        view.put("level", f.level());
        view.put("message", f.message());
        view.put("path", f.path());
        view.put("startLine", f.startLine());
        view.put("fingerprint", f.fingerprint());
        view.put("suppression", f.suppression());
        view.put("filterReason", f.filterReason());
        view.put("filterAuthor", f.filterAuthor());
        view.put("blocking", f.blocking());
        return view;
    }

    /** The answer of the findings and interface-check imports: counts by effective level, as the API names them. */
    private static Map<String, Long> countsBody(SarifFindings.Counts counts) {
        Map<String, Long> body = new LinkedHashMap<>();
        body.put("results", counts.results());
        body.put("error", counts.error());
        body.put("warning", counts.warning());
        body.put("note", counts.note());
        body.put("none", counts.none());
        return body;
    }
}
