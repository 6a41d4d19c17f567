package io.clearflow.engine.reference.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.reference.reconciliation.ReconciliationConfirmationService.Submitted;
import io.clearflow.engine.reference.reconciliation.ReconciliationDocumentRepository.NewDocument;
import io.clearflow.engine.work.CaseView;
import io.clearflow.engine.work.WorkService;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Takes in what the reconciliation bot submits: checks the result JSON and the page image, stores the document and
 * opens its confirmation case in 清算交收部. Runs inside the caller's transaction, so document and case start together.
 */
@Component
class SubmissionIntake {

    static final Set<String> STATUSES = Set.of("REJECTED", "UNCLASSIFIED", "LOW_CONFIDENCE", "TOTALS_ERROR", "NO_RECORD",
            "MISMATCHED", "MATCHED");
    static final int MAX_IMAGE_BYTES = 8 * 1024 * 1024;
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final String DUPLICATE = "recon.error.duplicate";

    private final ReconciliationDocumentRepository documents;
    private final WorkService work;
    private final ObjectMapper json;
    private final Clock clock;

    SubmissionIntake(ReconciliationDocumentRepository documents, WorkService work, ObjectMapper json, Clock clock) {
        this.documents = documents;
        this.work = work;
        this.json = json;
        this.clock = clock;
    }

    Submitted submit(Member bot, byte[] resultJson, byte[] imagePng) {
        JsonNode result;
        try {
            result = json.readTree(resultJson);
        } catch (IOException | RuntimeException e) {
            throw new InvalidRequestException("recon.error.notJson", Map.of("result", "recon.error.resultNotJson"));
        }
        String hash = result.path("contentHash").asText("");
        String fileName = result.path("fileName").asText("").strip();
        String status = result.path("status").asText("");
        String type = result.path("extraction").path("type").asText("unclassified");
        check(hash, fileName, status, type, imagePng);
        if (documents.existsWithHash(hash)) {
            throw new ConflictException(DUPLICATE);
        }
        String key = result.path("recordKey").isTextual() ? truncate(result.path("recordKey").asText(), 255) : null;
        long id;
        try {
            id = documents.insert(new NewDocument(hash, fileName, type, key, status, resultJson, imagePng, bot.userId(),
                    clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new ConflictException(DUPLICATE);
        }
        CaseView started = work.start(bot, ReconciliationConfirmationService.PROCESS_KEY, "REC-" + id,
                Map.of("documentId", id, "status", status));
        documents.setCase(id, started.id());
        return new Submitted(id, started.id(), status);
    }

    private static void check(String hash, String fileName, String status, String type, byte[] imagePng) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!HASH.matcher(hash).matches()) {
            errors.put("contentHash", "recon.error.contentHash");
        }
        if (fileName.isEmpty() || fileName.length() > 255) {
            errors.put("fileName", "recon.error.fileName");
        }
        if (!STATUSES.contains(status)) {
            errors.put("status", "recon.error.status");
        }
        if (type.length() > 64) {
            errors.put("extraction.type", "recon.error.extractionType");
        }
        if (imagePng != null && (imagePng.length > MAX_IMAGE_BYTES || !isPng(imagePng))) {
            errors.put("image", "recon.error.image");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("recon.error.incomplete", errors);
        }
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
