package io.clearflow.engine.monitor;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformRole;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who sees which process instances in monitoring. Administrators, operations, process owners and
 * IT managers oversee every department; everybody else sees the instances started by people of
 * their own department (the initiator's department, as the directory has it now). Keeping one rule
 * for every monitoring query means a count on one page never disagrees with a list on another.
 */
@Component
class MonitorAccess {

    static final List<PlatformRole> SEE_ALL = List.of(PlatformRole.ADMIN, PlatformRole.OPS,
            PlatformRole.PROCESS_OWNER, PlatformRole.IT_MANAGER);

    public boolean seesAll(Member member) {
        return SEE_ALL.stream().anyMatch(member::hasRole);
    }

    /**
     * The department a query of this member is limited to: the one asked for when they may see it,
     * {@code null} (all) for overseers who asked for none, their own department for everybody else.
     */
    public String departmentScope(Member member, String requested) {
        if (seesAll(member)) {
            return requested;
        }
        if (requested != null && !requested.equals(member.department())) {
            throw new AccessDeniedException("denied.monitorDepartment");
        }
        return member.department() == null ? "-" : member.department();
    }

    public boolean maySee(Member member, String initiatorDepartment) {
        return seesAll(member) || (member.department() != null && member.department().equals(initiatorDepartment));
    }
}
