package io.clearflow.regtech.assess;

import io.clearflow.engine.api.DeclaredRules;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformRole;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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

    /** A decision's reason on its own: the decision form has no record of its own to declare it on. */
    record Reasoned(@Reason String reason) { }

    /** The reason stripped; missing or too long is a field error on {@code reason}. */
    static String reason(Validator validator, String reason) {
        DeclaredRules.check(validator, new Reasoned(reason), "a reason is required");
        return reason.strip();
    }

    /** Deadlines are days in the firm's zone. */
    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
