package io.clearflow.demand.lifecycle;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformRole;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may read which demands. A business department sees its own demands (the requester's
 * colleagues follow them too); IT management, compliance, developers, process owners and admins see
 * every department's.
 */
public final class DemandAccess {

    private static final List<PlatformRole> SEE_ALL = List.of(PlatformRole.IT_MANAGER, PlatformRole.COMPLIANCE,
            PlatformRole.DEVELOPER, PlatformRole.PROCESS_OWNER, PlatformRole.ADMIN);

    private DemandAccess() {
    }

    public static boolean seesAllDepartments(Member member) {
        return SEE_ALL.stream().anyMatch(member::hasRole);
    }

    public static boolean mayView(Member member, Demand demand) {
        return member.userId().equals(demand.requester()) || seesAllDepartments(member)
                || (member.department() != null && member.department().equals(demand.department()));
    }

    public static void checkView(Member member, Demand demand) {
        if (!mayView(member, demand)) {
            throw new AccessDeniedException("demand.denied.otherDepartment");
        }
    }

    /**
     * The department a member's lists and statistics are limited to: the asked one for those who see
     * all ({@code null} = all), otherwise always their own, whatever they asked for.
     */
    public static String departmentScope(Member member, String asked) {
        if (seesAllDepartments(member)) {
            return asked == null || asked.isBlank() ? null : asked;
        }
        if (asked != null && !asked.isBlank() && !asked.equals(member.department())) {
            throw new AccessDeniedException("demand.denied.ownDepartmentOnly");
        }
        return member.department();
    }
}
