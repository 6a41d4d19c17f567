package io.clearflow.bots.reconciliation;

import io.clearflow.bots.documents.Extraction;
import java.util.List;

/**
 * The bot's verdict on one document, as submitted to the platform for a person to confirm.
 *
 * @param status      MATCHED only when every field was read confidently, the totals add up and the platform's record
 *                    agrees; otherwise the most serious problem (see {@link Status})
 * @param recordKey   the type's key fields joined with {@code |}, used to find the platform's record
 * @param mismatches  every field whose extracted value differs from the platform's record
 * @param rejection   why the file could not be read at all (REJECTED only)
 */
public record Reconciliation(String contentHash, String fileName, Status status, String recordKey, Extraction extraction,
                             List<Mismatch> mismatches, String rejection) {

    /** In order of seriousness: the first that applies is the status. */
    public enum Status { REJECTED, UNCLASSIFIED, LOW_CONFIDENCE, TOTALS_ERROR, NO_RECORD, MISMATCHED, MATCHED }

    public record Mismatch(String field, String extracted, String expected) { }
}
