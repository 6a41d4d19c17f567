package io.clearflow.bots.reconciliation;

import io.clearflow.bots.documents.DocumentTypes;
import io.clearflow.bots.documents.Extraction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares an extraction with the platform's own record of the same statement. Pure: no I/O, so every rule is
 * tested directly. Never answers MATCHED while any field is low-confidence or missing.
 */
public final class Reconciler {

    private final DocumentTypes types;

    public Reconciler(DocumentTypes types) {
        this.types = types;
    }

    /** The key under which the platform files this statement, or empty when a key field is missing. */
    public Optional<String> recordKey(Extraction e) {
        var type = types.type(e.type());
        if (type.isEmpty() || type.get().keyFields().isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (String f : type.get().keyFields()) {
            String v = e.fields().get(f);
            if (v == null) {
                return Optional.empty();
            }
            parts.add(v);
        }
        return Optional.of(String.join("|", parts));
    }

    /**
     * @param record the platform's expected field values, or null when it has no such record
     */
    public Reconciliation reconcile(String hash, String fileName, Extraction e, String key, Map<String, String> record) {
        List<Reconciliation.Mismatch> mismatches = new ArrayList<>();
        if (record != null) {
            record.forEach((field, expected) -> {
                if (!e.fields().containsKey(field)) {
                    return; // the record knows more than this document type carries
                }
                String extracted = e.fields().get(field);
                if (!same(extracted, expected)) {
                    mismatches.add(new Reconciliation.Mismatch(field, extracted, expected));
                }
            });
        }
        Reconciliation.Status status;
        if (!e.classified()) {
            status = Reconciliation.Status.UNCLASSIFIED;
        } else if (!e.lowConfidence().isEmpty()) {
            status = Reconciliation.Status.LOW_CONFIDENCE;
        } else if (!e.totalsOk()) {
            status = Reconciliation.Status.TOTALS_ERROR;
        } else if (record == null) {
            status = Reconciliation.Status.NO_RECORD;
        } else if (!mismatches.isEmpty()) {
            status = Reconciliation.Status.MISMATCHED;
        } else {
            status = Reconciliation.Status.MATCHED;
        }
        return new Reconciliation(hash, fileName, status, key, e, List.copyOf(mismatches), null);
    }

    public static Reconciliation rejected(String hash, String fileName, String reason) {
        return new Reconciliation(hash, fileName, Reconciliation.Status.REJECTED, null, null, List.of(), reason);
    }

    static boolean same(String extracted, String expected) {
        if (Objects.equals(extracted, expected)) {
            return true;
        }
        if (extracted == null || expected == null) {
            return false;
        }
        try {
            return new BigDecimal(extracted).compareTo(new BigDecimal(expected)) == 0; // 100.0 and 100.00 agree
        } catch (NumberFormatException notNumbers) {
            return extracted.strip().equalsIgnoreCase(expected.strip());
        }
    }
}
