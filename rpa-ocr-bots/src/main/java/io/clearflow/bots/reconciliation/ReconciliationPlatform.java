package io.clearflow.bots.reconciliation;

import java.util.Map;
import java.util.Optional;

/** What the reconciliation bot needs from the platform; over the bot's HTTP client in {@link ReconciliationApi}. */
public interface ReconciliationPlatform {

    /** Whether the platform already holds a document with this content hash (duplicate delivery). */
    boolean alreadySubmitted(String contentHash);

    /** The platform's expected values for a statement of this type and key, empty when it has none. */
    Optional<Map<String, String>> record(String type, String key);

    /**
     * Hands the result to people: the platform stores it and opens the confirmation task.
     *
     * @return the platform's document and the case of its confirmation task, or empty when the platform already had
     *         this content (a race with another run: the duplicate is not processed twice)
     */
    Optional<Submitted> submit(Reconciliation reconciliation, byte[] previewPng);

    /** A document the platform took: its id and the confirmation case opened for it. */
    record Submitted(long documentId, String caseId) { }
}
