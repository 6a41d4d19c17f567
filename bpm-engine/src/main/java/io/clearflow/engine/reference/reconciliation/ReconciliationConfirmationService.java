package io.clearflow.engine.reference.reconciliation;

import static io.clearflow.engine.reference.reconciliation.ReconciliationAccess.requireBooker;
import static io.clearflow.engine.reference.reconciliation.ReconciliationAccess.requireBot;
import static io.clearflow.engine.reference.reconciliation.ReconciliationAccess.requireBotOrClearing;
import static io.clearflow.engine.reference.reconciliation.ReconciliationAccess.requireClearing;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform side of the reconciliation bot: stores what the bot submits and opens the confirmation case in
 * 清算交收部, answers the bot's duplicate and record look-ups, and records a person's confirmation with every
 * correction kept and counted. Checks who may call and sets the transaction, then hands the work to
 * {@link SubmissionIntake}, {@link ConfirmationRecorder} and the tables' repositories.
 */
@Service
public class ReconciliationConfirmationService {

    public static final String PROCESS_KEY = "reconciliationConfirmation";
    public static final String DEPARTMENT = "dept-clearing";
    static final int MAX_VALUE = 500;

    private final SubmissionIntake intake;
    private final ConfirmationRecorder confirmations;
    private final ReconciliationDocumentRepository documents;
    private final ReconciliationCorrectionRepository corrections;
    private final ReconciliationLedgerRepository ledger;

    ReconciliationConfirmationService(SubmissionIntake intake, ConfirmationRecorder confirmations,
                                      ReconciliationDocumentRepository documents,
                                      ReconciliationCorrectionRepository corrections, ReconciliationLedgerRepository ledger) {
        this.intake = intake;
        this.confirmations = confirmations;
        this.documents = documents;
        this.corrections = corrections;
        this.ledger = ledger;
    }

    public record Submitted(long id, String caseId, String status) { }

    // ---- the bot's calls ----

    /** Stores the bot's result and opens its confirmation case, in one transaction. */
    @Transactional
    public Submitted submit(Member bot, byte[] resultJson, byte[] imagePng) {
        requireBot(bot);
        return intake.submit(bot, resultJson, imagePng);
    }

    @Transactional(readOnly = true)
    public boolean exists(Member bot, String contentHash) {
        requireBot(bot);
        return documents.existsWithHash(contentHash);
    }

    /** The platform's expected values of one statement or settlement. */
    @Transactional(readOnly = true)
    public Optional<Map<String, String>> ledger(Member member, String type, String key) {
        requireBotOrClearing(member);
        Map<String, String> fields = ledger.find(type, key);
        return fields.isEmpty() ? Optional.empty() : Optional.of(fields);
    }

    /** Books an expected record (replacing one with the same type and key): the settlement system's feed, or a test. */
    @Transactional
    public void book(Member member, String type, String key, Map<String, String> fields) {
        requireBooker(member);
        if (type == null || type.isBlank() || key == null || key.isBlank() || fields == null || fields.isEmpty()) {
            throw new InvalidRequestException("recon.error.bookRequired", Map.of("fields", "recon.error.required"));
        }
        ledger.replace(type, key, fields);
    }

    // ---- people ----

    @Transactional(readOnly = true)
    public ReconciliationDocument document(Member member, long id) {
        requireClearing(member);
        return documents.find(id).orElseThrow(() -> new NotFoundException("reconciliation document", Long.toString(id)));
    }

    /** The document behind a case, or empty when the case is not a reconciliation. */
    @Transactional(readOnly = true)
    public Optional<ReconciliationDocument> forCase(String caseId) {
        return documents.forCase(caseId);
    }

    @Transactional(readOnly = true)
    public byte[] image(Member member, long id) {
        requireClearing(member);
        return documents.image(id)
                .orElseThrow(() -> new NotFoundException("image of reconciliation document", Long.toString(id)));
    }

    @Transactional(readOnly = true)
    public List<ReconciliationDocument> recent(Member member, int limit) {
        requireClearing(member);
        return documents.recent(Math.max(1, Math.min(limit, 500)));
    }

    public record Stats(long documents, long open, long confirmed, long corrected, long corrections, Map<String, Long> byStatus) { }

    @Transactional(readOnly = true)
    public Stats stats(Member member) {
        requireClearing(member);
        Map<String, Long> byStatus = documents.countByStatus();
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long confirmed = documents.countConfirmed();
        return new Stats(total, total - confirmed, confirmed, documents.countCorrected(), corrections.count(), byStatus);
    }

    /**
     * Confirms the document of a confirmation task, with the person's values for its fields: every value that
     * differs from what the bot read is kept as a correction. Completes the task (so the event log has it).
     *
     * @return the number of corrections
     */
    @Transactional
    public int confirm(Member member, String taskId, Map<String, String> values, String comment) {
        requireClearing(member);
        return confirmations.confirm(member, taskId, values, comment);
    }
}
