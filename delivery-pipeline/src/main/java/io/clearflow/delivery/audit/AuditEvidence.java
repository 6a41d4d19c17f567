package io.clearflow.delivery.audit;

import io.clearflow.delivery.evidence.PreGoLiveEvidence;
import io.clearflow.delivery.version.VersionRef;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The audit's gate: a version of a critical system needs a completed audit without open blocking findings
 * (level error, neither suppressed by the scanner nor covered by a rule filter). Findings imported after the
 * completion count too: a late scan with errors closes the gate again.
 */
@Component
class AuditEvidence implements PreGoLiveEvidence {

    static final String KIND = "code-audit";

    private final AuditRepository audits;
    private final FindingRepository findings;

    AuditEvidence(AuditRepository audits, FindingRepository findings) {
        this.audits = audits;
        this.findings = findings;
    }

    @Override
    public List<Item> missing(VersionRef version) {
        if (!version.critical()) {
            return List.of();
        }
        List<Audit> audited = audits.ofVersion(version.id());
        List<Audit> completed = audited.stream().filter(a -> Audit.COMPLETED.equals(a.state())).toList();
        if (completed.isEmpty()) {
            return List.of(new Item(KIND, "delivery.audit.gate.noCompletedAudit", List.of(),
                    audited.isEmpty() ? "/delivery/audits" : "/delivery/audits/" + audited.get(0).id()));
        }
        var clean = completed.stream().filter(a -> findings.ofAudit(a.id()).stream().noneMatch(Finding::blocking)).findFirst();
        return clean.isPresent() ? List.of() : List.of(new Item(KIND, "delivery.audit.gate.blockingFindings", List.of(),
                "/delivery/audits/" + completed.get(0).id()));
    }
}
