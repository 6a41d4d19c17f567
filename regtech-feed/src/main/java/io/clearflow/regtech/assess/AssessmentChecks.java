package io.clearflow.regtech.assess;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformRole;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.security.access.AccessDeniedException;

/** What every step of an assessment checks alike: who may act, and the firm's today. */
final class AssessmentChecks {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private AssessmentChecks() {
    }

    static void checkCompliance(Member m) {
        if (!m.hasRole(PlatformRole.COMPLIANCE)) {
            throw new AccessDeniedException("regtech.denied.triage");
        }
    }

    /** Deadlines are days in the firm's zone. */
    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
