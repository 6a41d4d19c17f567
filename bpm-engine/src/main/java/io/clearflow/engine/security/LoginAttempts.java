package io.clearflow.engine.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Feeds the {@link LoginThrottle} from Spring Security's sign-in events (HTTP Basic and the login form alike), counts
 * them as metrics ({@code clearflow.login.failures}, {@code clearflow.login.locks}) and keeps each lock in the security
 * audit.
 */
@Component
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final LoginThrottle throttle;
    private final AuditEventRepository audit;
    private final Counter failures;
    private final Counter locks;

    LoginAttempts(LoginThrottle throttle, AuditEventRepository audit, MeterRegistry meters) {
        this.throttle = throttle;
        this.audit = audit;
        this.failures = Counter.builder("clearflow.login.failures").description("sign-ins refused for wrong credentials")
                .register(meters);
        this.locks = Counter.builder("clearflow.login.locks").description("user names locked after repeated failures")
                .register(meters);
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String name = event.getAuthentication().getName();
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : null;
        failures.increment();
        if (throttle.failed(name, address) == LoginThrottle.Verdict.LOCKED) {
            locks.increment();
            log.warn("Sign-in for '{}' locked after repeated failures (last from {})", name, address);
            audit.add(new AuditEvent(name, SecurityAuditRepository.LOGIN_LOCKED, Map.of("address", String.valueOf(address))));
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        throttle.succeeded(event.getAuthentication().getName());
    }
}
