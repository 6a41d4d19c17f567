package io.clearflow.engine.identity;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.OrgUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules for ids, names, e-mail addresses, passwords and memberships of users and units. */
final class OrgInputRules {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");
    // the limits are spelled out in the texts of admin.error.name, admin.error.password and their field texts
    static final int MAX_NAME = 100;
    static final int MIN_PASSWORD = 8;

    private OrgInputRules() {
    }

    static void checkId(String field, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidRequestException("admin.error.id", Map.of(field, "admin.error.idField"));
        }
    }

    static void checkName(String field, String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new InvalidRequestException("admin.error.name", Map.of(field, "admin.error.nameField"));
        }
    }

    /** Blank means none. */
    static void checkEmail(String email) {
        if (email != null && !email.isBlank() && !email.matches("[^@\\s]{1,64}@[^@\\s]{1,190}")) {
            throw new InvalidRequestException("admin.error.email", Map.of("email", "admin.error.email"));
        }
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 128) {
            throw new InvalidRequestException("admin.error.password", Map.of("password", "admin.error.passwordField"));
        }
    }

    /** Exactly one existing department, and roles that exist. */
    static void checkMembership(OrgLookup lookup, String department, List<String> roles) {
        if (department == null || lookup.unit(department).filter(u -> u.type() == OrgUnit.Type.DEPARTMENT).isEmpty()) {
            throw new InvalidRequestException("admin.error.department", Map.of("department", "admin.error.unknownDepartment"));
        }
        for (String role : roles == null ? List.<String>of() : roles) {
            if (lookup.unit(role).filter(u -> u.type() == OrgUnit.Type.ROLE).isEmpty()) {
                throw new InvalidRequestException("admin.error.unknownRole", Map.of("roles", "admin.error.unknownRole"));
            }
        }
    }
}
