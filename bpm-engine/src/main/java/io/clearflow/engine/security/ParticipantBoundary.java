package io.clearflow.engine.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What an external participant (an issuer, a clearing participant, an investor with only the role
 * {@code PARTICIPANT}) may reach: their self-service declarations and applications, their own cases
 * and tasks, and the start of processes they are a starter of. Internal pages (demand management,
 * monitoring, governance, mining, the event log, the API documentation) are not theirs. Internal staff
 * are not limited here; their rules are the role checks of the chains and the services.
 *
 * <p>One list serves the security chains and the navigation bar, so a link is never offered that
 * answers 403.
 */
public final class ParticipantBoundary implements AuthorizationManager<RequestAuthorizationContext> {

    /** Pages and API paths a participant may use; services check ownership of every case and task behind them. */
    static final List<String> ALLOWED = List.of(
            "/", "/login", "/logout", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
            "/selfservice", "/selfservice/**", "/putback", "/putback/**", "/account-opening", "/account-opening/new",
            "/account-opening/tasks/**", "/cases/**", "/tasks/**", "/start/**", "/forms/**", "/processes", "/processes/**",
            "/api/me", "/api/selfservice/**", "/api/putback-registrations", "/api/putback-registrations/**",
            "/api/account-opening", "/api/account-opening/{id}", "/api/account-opening/{id}/id-image",
            "/api/account-opening/tasks/**", "/api/tasks", "/api/tasks/**",
            "/api/processes", "/api/processes/**", "/api/attachments/**", "/api/forms/**");

    private static final List<PathPattern> PATTERNS = ALLOWED.stream().map(PathPatternParser.defaultInstance::parse).toList();

    /** Roles that make someone internal staff; a participant holding one of them is not limited. */
    private static final Set<String> PARTICIPANT = Set.of("ROLE_PARTICIPANT");

    public static final ParticipantBoundary INSTANCE = new ParticipantBoundary();

    private ParticipantBoundary() { }

    /** Whether the caller is an external participant and nothing else. */
    public static boolean isParticipantOnly(Authentication auth) {
        if (auth == null) {
            return false;
        }
        List<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).toList();
        return !roles.isEmpty() && PARTICIPANT.containsAll(roles);
    }

    /** Whether a path (below the context path) is open to a participant. */
    public static boolean allows(String path) {
        PathContainer container = PathContainer.parsePath(path == null || path.isEmpty() ? "/" : path);
        return PATTERNS.stream().anyMatch(p -> p.matches(container));
    }

    /** Whether this caller may reach this path as far as the boundary goes (staff: always). */
    public static boolean mayReach(Authentication auth, String path) {
        return !isParticipantOnly(auth) || allows(path);
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
            return new AuthorizationDecision(false);
        }
        HttpServletRequest request = context.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return new AuthorizationDecision(mayReach(auth, path));
    }
}
