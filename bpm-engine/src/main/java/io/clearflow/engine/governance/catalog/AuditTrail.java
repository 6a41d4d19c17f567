package io.clearflow.engine.governance.catalog;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Writes and reads the catalog's audit trail; written in the transaction of the change it records. */
@Component
public class AuditTrail {

    private final GovernanceAuditRepository entries;
    private final Clock clock;

    AuditTrail(GovernanceAuditRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    public void record(String scenarioId, String actor, String action, String detail) {
        String text = detail == null ? null : detail.length() > 4000 ? detail.substring(0, 3999) + "…" : detail;
        entries.insert(scenarioId, actor, action, text, clock.instant());
    }

    public List<AuditEntry> of(String scenarioId) {
        return entries.of(scenarioId);
    }
}
