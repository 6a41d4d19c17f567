package io.clearflow.engine.governance.catalog;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformRole;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what in the catalog. Administrators and process owners manage it, compliance and IT
 * managers read it, everyone else is refused. A process owner manages only the scenarios whose
 * owner department is their own; reading is not limited by department, because governance
 * (compliance, IT, the governance office) looks across departments.
 */
@Component
public class GovernanceAccess {

    public boolean mayRead(Member member) {
        return member.hasRole(PlatformRole.ADMIN) || member.hasRole(PlatformRole.PROCESS_OWNER)
                || member.hasRole(PlatformRole.COMPLIANCE) || member.hasRole(PlatformRole.IT_MANAGER);
    }

    public boolean mayManage(Member member, String department) {
        return member.hasRole(PlatformRole.ADMIN)
                || (member.hasRole(PlatformRole.PROCESS_OWNER) && department != null && department.equals(member.department()));
    }

    public void requireRead(Member member) {
        if (!mayRead(member)) {
            throw new AccessDeniedException("denied.governanceCatalog");
        }
    }

    public void requireManage(Member member, String department) {
        if (!mayManage(member, department)) {
            throw new AccessDeniedException(member.hasRole(PlatformRole.PROCESS_OWNER)
                    ? "process owners manage only scenarios of their own department"
                    : "only process owners and administrators manage the catalog");
        }
    }

    /** Validating a file changes nothing: modellers and CI (developers, bots) may use it too. */
    public void requireValidate(Member member) {
        if (!mayRead(member) && !member.hasRole(PlatformRole.DEVELOPER) && !member.hasRole(PlatformRole.BOT)) {
            throw new AccessDeniedException("denied.governanceValidation");
        }
    }
}
