package io.clearflow.engine.work;

import io.clearflow.engine.api.Member;
import java.util.function.Supplier;
import org.flowable.common.engine.impl.identity.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs engine calls as a member, so the engine records them (initiator, event-log resource).
 * Flowable's authenticated user is Spring Security's context here, so the caller's own
 * authentication is put back afterwards rather than replaced by a bare user id. Other modules that
 * call an engine service directly (a case attachment, say) use this, not Flowable's internal
 * {@code Authentication}.
 */
public final class ActingAs {

    private ActingAs() {
    }

    public static <T> T member(Member member, Supplier<T> action) {
        if (member.userId().equals(Authentication.getAuthenticatedUserId())) {
            return action.get();
        }
        var saved = SecurityContextHolder.getContext().getAuthentication();
        Authentication.setAuthenticatedUserId(member.userId());
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(saved);
        }
    }

    public static void member(Member member, Runnable action) {
        member(member, () -> {
            action.run();
            return null;
        });
    }

    /**
     * The user the engine records for the call under way: the member of an enclosing {@link #member}, else the
     * signed-in user; null when there is neither. A task listener reads it to learn who completes a task that
     * nobody claimed (a bare {@code TaskService.complete} leaves the assignee empty).
     */
    public static String currentUserId() {
        return Authentication.getAuthenticatedUserId();
    }
}
