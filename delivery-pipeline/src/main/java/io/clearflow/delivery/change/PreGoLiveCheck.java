package io.clearflow.delivery.change;

import io.clearflow.delivery.evidence.EvidenceGate;
import io.clearflow.delivery.version.Versions;
import org.springframework.stereotype.Component;

/**
 * A critical system's change needs its version's pre-go-live evidence (stress test, code audit) before approval
 * and again before deployment (evidence may have been withdrawn in between). Emergency changes are exempt: they
 * cannot wait for a 2-hour stability run; their approvers see the missing items on the page.
 */
@Component
class PreGoLiveCheck {

    private final Versions versions;
    private final EvidenceGate evidence;

    PreGoLiveCheck(Versions versions, EvidenceGate evidence) {
        this.versions = versions;
        this.evidence = evidence;
    }

    void require(Change change) {
        if (change.critical() && !change.emergency()) {
            versions.find(change.versionId()).ifPresent(evidence::require);
        }
    }
}
