package io.clearflow.engine.reference.reconciliation;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.reference.reconciliation.ReconciliationCorrectionRepository.Correction;
import io.clearflow.engine.work.TaskView;
import io.clearflow.engine.work.WorkService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Records a person's confirmation of a reconciliation task: every value that differs from what the bot read is kept
 * as a correction, the document gets its outcome, and the task completes (so the event log has it). Runs inside the
 * caller's transaction.
 */
@Component
class ConfirmationRecorder {

    private static final String ALREADY_CONFIRMED = "recon.error.alreadyConfirmed";

    private final ReconciliationDocumentRepository documents;
    private final ReconciliationCorrectionRepository corrections;
    private final WorkService work;
    private final Clock clock;

    ConfirmationRecorder(ReconciliationDocumentRepository documents, ReconciliationCorrectionRepository corrections,
                         WorkService work, Clock clock) {
        this.documents = documents;
        this.corrections = corrections;
        this.work = work;
        this.clock = clock;
    }

    /** The number of corrections. */
    int confirm(Member member, String taskId, Map<String, String> values, String comment) {
        TaskView task = work.task(member, taskId);
        if (!ReconciliationConfirmationService.PROCESS_KEY.equals(task.processKey())) {
            throw new InvalidRequestException("recon.error.notTask", Map.of("taskId", "recon.error.notConfirmation"));
        }
        ReconciliationDocument doc = documents.forCase(task.caseId())
                .orElseThrow(() -> new NotFoundException("reconciliation document of case", task.caseId()));
        if (!doc.open()) {
            throw new ConflictException(ALREADY_CONFIRMED);
        }
        List<Correction> changed = corrections(doc, values);
        Map<String, String> confirmed = new LinkedHashMap<>(doc.fields());
        changed.forEach(c -> confirmed.put(c.field(), c.corrected()));
        Instant now = clock.instant();
        for (Correction c : changed) {
            corrections.insert(doc.id(), c, member.userId(), now);
        }
        String outcome = changed.isEmpty() ? ReconciliationDocumentRepository.CONFIRMED
                : ReconciliationDocumentRepository.CORRECTED;
        if (!documents.confirm(doc.id(), outcome, member.userId(), now, confirmed)) {
            throw new ConflictException(ALREADY_CONFIRMED);
        }
        work.complete(member, taskId, Map.of("corrections", changed.size()), comment);
        return changed.size();
    }

    /** The values that differ from the bot's, in the order given; a blank value clears the field. */
    private static List<Correction> corrections(ReconciliationDocument doc, Map<String, String> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Correction> changed = new ArrayList<>();
        values.forEach((field, raw) -> {
            if (!doc.fields().containsKey(field)) {
                errors.put(field, "recon.error.notAField");
                return;
            }
            String value = raw == null || raw.isBlank() ? null : raw.strip();
            if (value != null && value.length() > ReconciliationConfirmationService.MAX_VALUE) {
                errors.put(field, "recon.error.valueTooLong");
                return;
            }
            String extracted = doc.fields().get(field);
            if (!Objects.equals(value, extracted)) {
                changed.add(new Correction(field, extracted, value));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("recon.error.correction", errors);
        }
        return changed;
    }
}
