package io.clearflow.engine.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles ClearFlow's own rules refer to. Each is a Flowable IDM group of type {@code role};
 * administrators may add further roles (for candidate groups of their processes), but these are the
 * ones the platform checks in its security rules.
 */
public enum PlatformRole {
    BUSINESS("role-business"),
    PARTICIPANT("role-participant"),
    PROCESS_OWNER("role-process-owner"),
    IT_MANAGER("role-it-manager"),
    DEVELOPER("role-developer"),
    TESTER("role-tester"),
    QC("role-qc"),
    OPS("role-ops"),
    COMPLIANCE("role-compliance"),
    ADMIN("role-admin"),
    BOT("role-bot");

    private final String groupId;

    PlatformRole(String groupId) {
        this.groupId = groupId;
    }

    public String groupId() {
        return groupId;
    }

    /** Spring Security's role name, e.g. {@code PROCESS_OWNER} (the authority is {@code ROLE_PROCESS_OWNER}). */
    public String roleName() {
        return name();
    }

    public static Optional<PlatformRole> ofGroupId(String groupId) {
        return Arrays.stream(values()).filter(r -> r.groupId.equals(groupId)).findFirst();
    }
}
