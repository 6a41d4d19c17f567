package io.clearflow.testmetrics.maturity;

import io.clearflow.engine.security.CurrentUser;
import io.clearflow.testmetrics.TestMetricsAccess;
import io.clearflow.testmetrics.maturity.AssessmentInput.SubjectKind;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Maturity assessments as JSON: the page's overview (latest against previous and target, next steps), the
 * history, recording an assessment (JSON, or multipart with evidence files) and downloading an evidence file.
 */
@RestController
@PreAuthorize(TestMetricsAccess.READ)
class MaturityAssessmentController {

    /** Multipart parts named {@code evidence.<indicator>} carry the files of the answers. */
    static final String FILE_PREFIX = "evidence.";

    private final MaturityAssessmentService assessments;
    private final CurrentUser currentUser;

    MaturityAssessmentController(MaturityAssessmentService assessments, CurrentUser currentUser) {
        this.assessments = assessments;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/test-metrics/maturity/overview")
    MaturityAssessmentService.Overview overview(@RequestParam SubjectKind kind, @RequestParam String subject) {
        return assessments.overview(kind, subject, MaturityController.TARGET, LocaleContextHolder.getLocale());
    }

    @GetMapping("/api/test-metrics/maturity/assessments")
    List<MaturityAssessmentService.AssessmentView> history(@RequestParam SubjectKind kind, @RequestParam String subject) {
        return assessments.history(kind, subject);
    }

    @GetMapping("/api/test-metrics/maturity/assessments/{id}")
    MaturityAssessmentService.AssessmentView assessment(@PathVariable long id) {
        return assessments.assessment(id);
    }

    @PostMapping(path = "/api/test-metrics/maturity/assessments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(TestMetricsAccess.ASSESS)
    MaturityAssessmentService.AssessmentView assess(@Valid @RequestBody AssessmentInput assessment) {
        return assessments.assess(assessment, List.of(), currentUser.get().userId());
    }

    @PostMapping(path = "/api/test-metrics/maturity/assessments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(TestMetricsAccess.ASSESS)
    MaturityAssessmentService.AssessmentView assessWithFiles(@Valid @RequestPart("assessment") AssessmentInput assessment,
                                                     MultipartHttpServletRequest request) throws IOException {
        return assessments.assess(assessment, files(request), currentUser.get().userId());
    }

    /** The file as an attachment of octet-stream: never rendered by the browser, whatever was uploaded. */
    @GetMapping("/api/test-metrics/maturity/assessments/{id}/evidence/{indicator}")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable String indicator) {
        var file = assessments.evidenceFile(id, indicator);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(file.content());
    }

    /** The evidence files of a multipart request (parts {@code evidence.<indicator>}; empty file inputs skipped). */
    static List<EvidenceUpload> files(MultipartHttpServletRequest request) throws IOException {
        List<EvidenceUpload> files = new ArrayList<>();
        for (var entry : request.getMultiFileMap().entrySet()) {
            if (!entry.getKey().startsWith(FILE_PREFIX)) {
                continue;
            }
            for (MultipartFile f : entry.getValue()) {
                if (!f.isEmpty()) {
                    // a file over the limit is not read into memory: the service refuses it by its size
                    byte[] content = f.getSize() > EvidenceUpload.MAX_BYTES ? null : f.getBytes();
                    files.add(new EvidenceUpload(entry.getKey().substring(FILE_PREFIX.length()), f.getOriginalFilename(),
                            f.getContentType(), f.getSize(), content));
                }
            }
        }
        return files;
    }
}
