package io.clearflow.engine.monitor;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * Test stand-in for an outside system a service task calls: it throws while "down", as a ledger
 * that is unreachable would, and books once it is "repaired".
 */
@Component("flakyLedger")
public class FlakyLedger {

    private final AtomicBoolean down = new AtomicBoolean(true);

    public String book(String caseId) {
        if (down.get()) {
            throw new IllegalStateException("ledger unreachable: connection refused (case " + caseId + ")");
        }
        return "booked " + caseId;
    }

    public void breakDown() {
        down.set(true);
    }

    public void repair() {
        down.set(false);
    }
}
