package io.clearflow.delivery.cockpit;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformRole;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who sees which cockpit. From the identity seeding: IT managers (zhouba) and admins see every department; a
 * process owner (sunqi, the platform's department-head role) sees their own department's cockpit only; business
 * staff, external participants and the delivery roles (developers, testers, QC, ops) are refused: the cockpit
 * compares departments' budgets, costs and satisfaction, which is management information.
 */
public final class CockpitAccess {

    public static final String READ = "hasAnyRole('IT_MANAGER', 'ADMIN', 'PROCESS_OWNER')";

    private CockpitAccess() {
    }

    public static boolean seesAllDepartments(Member member) {
        return member.hasRole(PlatformRole.IT_MANAGER) || member.hasRole(PlatformRole.ADMIN);
    }

    /**
     * The department the member's cockpit covers: the asked one ({@code null} = all) for those who see all; their
     * own for a process owner, who is refused another department rather than silently shown their own.
     */
    public static String scope(Member member, String asked) {
        if (seesAllDepartments(member)) {
            return asked;
        }
        if (!member.hasRole(PlatformRole.PROCESS_OWNER) || member.department() == null) {
            throw new AccessDeniedException("delivery.cockpit.error.notForYou");
        }
        if (asked != null && !asked.equals(member.department())) {
            throw new AccessDeniedException("delivery.cockpit.error.ownDepartment");
        }
        return member.department();
    }
}
