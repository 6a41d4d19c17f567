package io.clearflow.delivery.audit;

import io.clearflow.delivery.evidence.PreGoLiveEvidence;
import io.clearflow.delivery.version.Versions;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The audit's gate: a version of a critical system needs a completed audit without open blocking findings
 * (level error, neither suppressed by the scanner nor covered by a rule filter). Findings imported after the
 * completion count too: a late scan with errors closes the gate again.
 */
@Component
class AuditEvidence implements PreGoLiveEvidence {

    private final AuditRepository audits;
    private final FindingRepository findings;
    private final Versions versions;

    AuditEvidence(AuditRepository audits, FindingRepository findings, Versions versions) {
        this.audits = audits;
        this.findings = findings;
        this.versions = versions;
    }

    @Override
    public List<String> missing(long versionId) {
        var version = versions.find(versionId);
        if (version.isEmpty() || !version.get().critical()) {
            return List.of();
        }
        List<Audit> completed = audits.ofVersion(versionId).stream().filter(a -> Audit.COMPLETED.equals(a.state())).toList();
        if (completed.isEmpty()) {
            return List.of("delivery.audit.gate.noCompletedAudit");
        }
        boolean clean = completed.stream().anyMatch(a -> findings.ofAudit(a.id()).stream().noneMatch(Finding::blocking));
        return clean ? List.of() : List.of("delivery.audit.gate.blockingFindings");
    }
}
