package io.clearflow.engine.governance.catalog;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.governance.ValidationReport;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;

/**
 * A BPMN file as uploaded or offered, and the one place that knows how large such a file may be:
 * uploads, offers and validation (pages, REST, other modules) all ask here.
 *
 * @param content the bytes, or {@code null} when the file is over the limit (they are not read then)
 */
public record BpmnFile(String name, long size, byte[] content) {

    /** Largest BPMN file the catalog stores or validates. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** An uploaded file; its bytes are read only when it is within the limit. */
    public static BpmnFile of(MultipartFile file) throws IOException {
        return new BpmnFile(file.getOriginalFilename(), file.getSize(), exceeds(file.getSize()) ? null : file.getBytes());
    }

    static BpmnFile of(byte[] bpmn) {
        return new BpmnFile(null, bpmn == null ? 0 : bpmn.length, bpmn);
    }

    public boolean tooLarge() {
        return exceeds(size);
    }

    /** Refuses a missing, empty or too large file; answered 400 or 413. */
    BpmnFile require() {
        requireWithinLimit();
        if (content == null || content.length == 0) {
            throw new InvalidRequestException("gov.refused.fileEmpty", Map.of("file", "gov.error.required"));
        }
        return this;
    }

    /** Refuses a too large file (413); an empty one goes on to the reader, whose report says so. */
    BpmnFile requireWithinLimit() {
        if (tooLarge()) {
            throw new CatalogService.ModelTooLargeException(size);
        }
        return this;
    }

    /** A too large file as a report with one finding, for callers that answer every file with a report. */
    ValidationReport tooLargeReport(String message) {
        return ValidationReport.of(List.of(ValidationReport.Finding.of(null, "gov.finding.tooLarge", message,
                String.valueOf(MAX_BYTES / 1024))), List.of(), null, null);
    }

    private static boolean exceeds(long size) {
        return size > MAX_BYTES;
    }
}
