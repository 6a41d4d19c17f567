package io.clearflow.delivery.audit;

import java.time.Instant;

/** One uploaded package version of an audit; {@code previousId} is what it was diffed against (null: the first). */
record AuditPackage(long id, long auditId, String system, String label, Long previousId, int fileCount, int changedFiles,
                    int changedLines, String unitsJson, String uploadedBy, Instant uploadedAt) {
}
