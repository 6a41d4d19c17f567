package io.clearflow.bots.reconciliation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The report of one run: what was fetched, skipped as duplicate, handed to people (every submitted document gets a
 * confirmation task; {@code needsAttention} are those not MATCHED), and what failed (left in the source for the
 * next run).
 */
public record ReconciliationRun(Instant started, Instant finished, String source, int fetched, int duplicates,
                                int submitted, int matched, int needsAttention, Map<Reconciliation.Status, Integer> byStatus,
                                List<String> errors) {

    /** Items done in the run-report sense: documents the run finished with, duplicates included. */
    public int itemsDone() {
        return submitted + duplicates;
    }
}
