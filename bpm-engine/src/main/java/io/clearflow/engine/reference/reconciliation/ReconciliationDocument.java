package io.clearflow.engine.reference.reconciliation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A submitted reconciliation as people see it: what the bot read, how it compares with the platform's record, and
 * (once confirmed) the outcome. {@code fields} keeps the bot's order.
 */
public record ReconciliationDocument(long id, String contentHash, String fileName, String type, String typeName,
                                     String recordKey, String status, Map<String, String> fields,
                                     List<Map<String, String>> transactions, Map<String, Double> confidence,
                                     List<String> lowConfidence, List<Mismatch> mismatches, List<String> warnings,
                                     String rejection, boolean hasImage, String submittedBy, Instant submittedAt,
                                     String caseId, String outcome, String confirmedBy, Instant confirmedAt,
                                     Map<String, String> confirmedFields, int corrections) {

    public record Mismatch(String field, String extracted, String expected) { }

    public Mismatch mismatchOf(String field) {
        return mismatches.stream().filter(m -> m.field().equals(field)).findFirst().orElse(null);
    }

    public boolean isLowConfidence(String field) {
        return lowConfidence.contains(field);
    }

    public boolean open() {
        return outcome == null;
    }
}
