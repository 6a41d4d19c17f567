package io.clearflow.engine.api;

import java.util.List;

/**
 * A person or bot as the platform sees them: one department and any number of roles
 * (both are Flowable IDM groups, of type {@code department} and {@code role}).
 */
public record Member(String userId, String displayName, String email, String department, List<String> roles) {

    public Member {
        roles = List.copyOf(roles);
    }

    public boolean hasRole(PlatformRole role) {
        return roles.contains(role.groupId());
    }

    /** Group ids this member is a candidate for: the department and every role. */
    public List<String> candidateGroups() {
        var groups = new java.util.ArrayList<String>(roles);
        if (department != null) {
            groups.add(0, department);
        }
        return groups;
    }
}
