package io.clearflow.engine.identity;

import static io.clearflow.engine.identity.OrgInputRules.checkEmail;
import static io.clearflow.engine.identity.OrgInputRules.checkId;
import static io.clearflow.engine.identity.OrgInputRules.checkMembership;
import static io.clearflow.engine.identity.OrgInputRules.checkName;
import static io.clearflow.engine.identity.OrgInputRules.checkPassword;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.PlatformRole;
import java.util.List;
import org.flowable.engine.IdentityService;
import org.flowable.idm.api.User;

/**
 * Creates, changes and deletes users (people, bots and seeded demo users) with their department and roles as IDM
 * memberships, dropping from the cache what it changed.
 */
final class UserAdministration {

    private final IdentityService idm;
    private final OrgLookup lookup;

    UserAdministration(IdentityService idm, OrgLookup lookup) {
        this.idm = idm;
        this.lookup = lookup;
    }

    Member createUser(String userId, String displayName, String email, String department, List<String> roles,
                      String password) {
        checkId("userId", userId);
        requireNew(userId);
        checkPassword(password);
        User user = idm.newUser(userId);
        apply(user, displayName, email);
        checkMembership(lookup, department, roles);
        user.setPassword(password);
        idm.saveUser(user);
        return joined(userId, department, roles);
    }

    /** No password (Flowable stores none), so a bot signs in only with an API token. */
    Member createBot(String userId, String displayName, String department) {
        checkId("userId", userId);
        requireNew(userId);
        List<String> roles = List.of(PlatformRole.BOT.groupId());
        checkMembership(lookup, department, roles);
        User user = idm.newUser(userId);
        apply(user, displayName, null);
        idm.saveUser(user);
        return joined(userId, department, roles);
    }

    /** No password policy: demo users get the documented demo password, shorter than the policy allows. */
    Member seedUser(String userId, String displayName, String department, List<String> roles, String password) {
        User user = idm.newUser(userId);
        apply(user, displayName, userId + "@clearflow.example");
        user.setPassword(password);
        idm.saveUser(user);
        return joined(userId, department, roles);
    }

    Member updateUser(String userId, String displayName, String email, String department, List<String> roles) {
        User user = existing(userId);
        apply(user, displayName, email);
        checkMembership(lookup, department, roles);
        idm.saveUser(user); // an existing user: the stored password hash is kept as it is
        Member before = lookup.requireMember(userId);
        for (String group : before.candidateGroups()) {
            idm.deleteMembership(userId, group);
        }
        return joined(userId, department, roles);
    }

    void changePassword(String userId, String password) {
        checkPassword(password);
        User user = existing(userId);
        user.setPassword(password);
        idm.updateUserPassword(user);
    }

    void deleteUser(String userId) {
        lookup.requireMember(userId);
        idm.deleteUser(userId);
        lookup.forgetMember(userId);
    }

    private void requireNew(String userId) {
        if (idm.createUserQuery().userId(userId).count() > 0) {
            throw new ConflictException("admin.error.userExists", userId);
        }
    }

    private User existing(String userId) {
        User user = idm.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            throw new NotFoundException("user", userId);
        }
        return user;
    }

    private void apply(User user, String displayName, String email) {
        checkName("displayName", displayName);
        checkEmail(email);
        user.setDisplayName(displayName.strip());
        user.setFirstName(displayName.strip());
        user.setEmail(email == null || email.isBlank() ? null : email.strip());
    }

    /** Adds the memberships of a saved user and returns it as it now is. */
    private Member joined(String userId, String department, List<String> roles) {
        idm.createMembership(userId, department);
        for (String role : roles == null ? List.<String>of() : roles.stream().distinct().toList()) {
            idm.createMembership(userId, role);
        }
        lookup.forgetMember(userId);
        return lookup.requireMember(userId);
    }
}
