package io.clearflow.regtech.assess;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformRole;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;

/** What every step of an assessment checks alike: who may act, the reason given, and the firm's today. */
final class AssessmentChecks {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private AssessmentChecks() {
    }

    static void checkCompliance(Member m) {
        if (!m.hasRole(PlatformRole.COMPLIANCE)) {
            throw new AccessDeniedException("only compliance triages and decides regulatory items");
        }
    }

    /** The reason stripped; missing or too long is a field error on {@code field}. */
    static String reason(String reason, String field) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("a reason is required", Map.of(field, "regtech.error.reason"));
        }
        if (reason.length() > 2000) {
            throw new InvalidRequestException("reason too long", Map.of(field, "regtech.error.reasonLength"));
        }
        return reason.strip();
    }

    /** Deadlines are days in the firm's zone. */
    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
