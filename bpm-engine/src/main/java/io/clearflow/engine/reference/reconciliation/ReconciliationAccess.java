package io.clearflow.engine.reference.reconciliation;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformRole;
import org.springframework.security.access.AccessDeniedException;

/** Who may do what with reconciliations: bots submit, 清算交收部 (and administrators, process owners) read and confirm. */
final class ReconciliationAccess {

    private ReconciliationAccess() {
    }

    static void requireBot(Member m) {
        if (!(m.hasRole(PlatformRole.BOT) || m.hasRole(PlatformRole.ADMIN))) {
            throw new AccessDeniedException("denied.reconSubmit");
        }
    }

    static void requireBotOrClearing(Member m) {
        if (!(m.hasRole(PlatformRole.BOT) || mayReadClearing(m))) {
            throw new AccessDeniedException("denied.reconRead");
        }
    }

    static void requireClearing(Member m) {
        if (!mayReadClearing(m)) {
            throw new AccessDeniedException("denied.reconDepartment");
        }
    }

    /** The settlement system's feed books through a bot account; administrators book by hand. */
    static void requireBooker(Member m) {
        if (!(m.hasRole(PlatformRole.ADMIN) || m.hasRole(PlatformRole.BOT))) {
            throw new AccessDeniedException("denied.reconExpected");
        }
    }

    static boolean mayReadClearing(Member m) {
        return ReconciliationConfirmationService.DEPARTMENT.equals(m.department()) || m.hasRole(PlatformRole.ADMIN)
                || m.hasRole(PlatformRole.PROCESS_OWNER);
    }
}
