package io.clearflow.engine.identity;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.api.PlatformRole;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.flowable.idm.api.Group;
import org.flowable.engine.IdentityService;
import org.flowable.idm.api.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Users, departments and roles, kept in Flowable IDM so that candidate groups in BPMN models and the
 * platform's own rules see the same organisation. Reads are cached because the event log asks for
 * every event who did it and in which department and role, and the inbox and every visibility check
 * use the member's groups. Every change goes through this class, which drops what it changed from
 * the cache, so a moved user is seen in the new department at once on this node; other nodes see
 * it within {@code clearflow.identity.cache-ttl}.
 */
@Service
public class OrgDirectory {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");
    static final int MAX_NAME = 100;
    static final int MIN_PASSWORD = 8;

    private final IdentityService idm;
    private final ExpiringCache<String, Optional<Member>> members;
    private final ExpiringCache<String, Optional<OrgUnit>> unitsById;

    public OrgDirectory(IdentityService idm, IdentityProperties properties) {
        this.idm = idm;
        this.members = new ExpiringCache<>(properties.cacheTtl(), System::nanoTime);
        this.unitsById = new ExpiringCache<>(properties.cacheTtl(), System::nanoTime);
    }

    public Optional<Member> member(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return members.get(userId, this::loadMember);
    }

    public Member requireMember(String userId) {
        return member(userId).orElseThrow(() -> new NotFoundException("user", userId));
    }

    public List<Member> members() {
        return idm.createUserQuery().orderByUserId().asc().list().stream()
                .map(u -> member(u.getId()).orElseThrow())
                .toList();
    }

    public List<Member> membersOf(String groupId) {
        return idm.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .map(u -> member(u.getId()).orElseThrow())
                .toList();
    }

    public List<OrgUnit> units(OrgUnit.Type type) {
        return idm.createGroupQuery().groupType(type.groupType()).orderByGroupId().asc().list().stream()
                .map(g -> new OrgUnit(g.getId(), g.getName(), type))
                .toList();
    }

    /** A department or role by id; cached, because the event log asks for every task that arrives. */
    public Optional<OrgUnit> unit(String groupId) {
        return groupId == null ? Optional.empty() : unitsById.get(groupId, this::loadUnit);
    }

    private Optional<OrgUnit> loadUnit(String groupId) {
        Group g = idm.createGroupQuery().groupId(groupId).singleResult();
        if (g == null || OrgUnit.Type.ofGroupType(g.getType()) == null) {
            return Optional.empty();
        }
        return Optional.of(new OrgUnit(g.getId(), g.getName(), OrgUnit.Type.ofGroupType(g.getType())));
    }

    /** Display names of every department and role, for labelling event-log rows and pages. */
    public Map<String, String> unitNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (OrgUnit.Type type : OrgUnit.Type.values()) {
            units(type).forEach(u -> names.put(u.id(), u.name()));
        }
        return names;
    }

    @Transactional
    public OrgUnit createUnit(String id, String name, OrgUnit.Type type) {
        checkId("id", id);
        checkName("name", name);
        if (idm.createGroupQuery().groupId(id).count() > 0) {
            throw new ConflictException("a department or role with id '" + id + "' already exists");
        }
        Group group = idm.newGroup(id);
        group.setName(name.strip());
        group.setType(type.groupType());
        idm.saveGroup(group);
        forget(() -> unitsById.remove(id));
        return new OrgUnit(id, name.strip(), type);
    }

    @Transactional
    public OrgUnit renameUnit(String id, String name) {
        checkName("name", name);
        Group group = idm.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            throw new NotFoundException("department or role", id);
        }
        group.setName(name.strip());
        idm.saveGroup(group);
        forget(() -> {
            members.clear();
            unitsById.remove(id);
        });
        return unit(id).orElseThrow();
    }

    @Transactional
    public void deleteUnit(String id) {
        OrgUnit unit = unit(id).orElseThrow(() -> new NotFoundException("department or role", id));
        if (PlatformRole.ofGroupId(id).isPresent()) {
            throw new ConflictException("'" + id + "' is a built-in role and cannot be deleted");
        }
        if (idm.createUserQuery().memberOfGroup(id).count() > 0) {
            throw new ConflictException("'" + unit.name() + "' still has members; move them first");
        }
        idm.deleteGroup(id);
        forget(() -> unitsById.remove(id));
    }

    @Transactional
    public Member createUser(String userId, String displayName, String email, String department,
                             List<String> roles, String password) {
        checkId("userId", userId);
        if (idm.createUserQuery().userId(userId).count() > 0) {
            throw new ConflictException("user '" + userId + "' already exists");
        }
        checkPassword(password);
        User user = idm.newUser(userId);
        apply(user, displayName, email);
        validateMembership(department, roles);
        user.setPassword(password);
        idm.saveUser(user);
        setMembership(userId, department, roles);
        forget(() -> members.remove(userId));
        return requireMember(userId);
    }

    /**
     * A bot account: role bot, no password (Flowable stores none), so it can only sign in with an
     * API token issued by an administrator.
     */
    @Transactional
    public Member createBot(String userId, String displayName, String department) {
        checkId("userId", userId);
        if (idm.createUserQuery().userId(userId).count() > 0) {
            throw new ConflictException("user '" + userId + "' already exists");
        }
        List<String> roles = List.of(PlatformRole.BOT.groupId());
        validateMembership(department, roles);
        User user = idm.newUser(userId);
        apply(user, displayName, null);
        idm.saveUser(user);
        setMembership(userId, department, roles);
        forget(() -> members.remove(userId));
        return requireMember(userId);
    }

    /** Seeding only: demo users get the documented demo password, shorter than the policy allows. */
    @Transactional
    public Member seedUser(String userId, String displayName, String department, List<String> roles, String password) {
        User user = idm.newUser(userId);
        apply(user, displayName, userId + "@clearflow.example");
        user.setPassword(password);
        idm.saveUser(user);
        setMembership(userId, department, roles);
        forget(() -> members.remove(userId));
        return requireMember(userId);
    }

    @Transactional
    public Member updateUser(String userId, String displayName, String email, String department, List<String> roles) {
        User user = idm.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            throw new NotFoundException("user", userId);
        }
        apply(user, displayName, email);
        validateMembership(department, roles);
        idm.saveUser(user); // an existing user: the stored password hash is kept as it is
        Member before = requireMember(userId);
        for (String group : before.candidateGroups()) {
            idm.deleteMembership(userId, group);
        }
        setMembership(userId, department, roles);
        forget(() -> members.remove(userId));
        return requireMember(userId);
    }

    @Transactional
    public void changePassword(String userId, String password) {
        checkPassword(password);
        User user = idm.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            throw new NotFoundException("user", userId);
        }
        user.setPassword(password);
        idm.updateUserPassword(user);
    }

    @Transactional
    public void deleteUser(String userId) {
        requireMember(userId);
        idm.deleteUser(userId);
        forget(() -> members.remove(userId));
    }

    /**
     * Drops cached entries now, so this transaction reads its own change, and again once it has
     * ended: a reader in between may have cached the state from before the commit.
     */
    private static void forget(Runnable drop) {
        drop.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    drop.run();
                }
            });
        }
    }

    private Optional<Member> loadMember(String userId) {
        User user = idm.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return Optional.empty();
        }
        String department = null;
        List<String> roles = new ArrayList<>();
        List<Group> groups = new ArrayList<>(idm.createGroupQuery().groupMember(userId).list());
        groups.sort(Comparator.comparing(Group::getId));
        for (Group g : groups) {
            if (OrgUnit.Type.DEPARTMENT.groupType().equals(g.getType())) {
                department = g.getId();
            } else if (OrgUnit.Type.ROLE.groupType().equals(g.getType())) {
                roles.add(g.getId());
            }
        }
        String name = user.getDisplayName() != null ? user.getDisplayName() : user.getFirstName();
        return Optional.of(new Member(user.getId(), name == null ? user.getId() : name, user.getEmail(), department, roles));
    }

    private void apply(User user, String displayName, String email) {
        checkName("displayName", displayName);
        if (email != null && !email.isBlank() && !email.matches("[^@\\s]{1,64}@[^@\\s]{1,190}")) {
            throw new InvalidRequestException("invalid e-mail address", Map.of("email", "invalid e-mail address"));
        }
        user.setDisplayName(displayName.strip());
        user.setFirstName(displayName.strip());
        user.setEmail(email == null || email.isBlank() ? null : email.strip());
    }

    private void validateMembership(String department, List<String> roles) {
        if (department == null || unit(department).filter(u -> u.type() == OrgUnit.Type.DEPARTMENT).isEmpty()) {
            throw new InvalidRequestException("every user belongs to exactly one existing department",
                    Map.of("department", "unknown department: " + department));
        }
        for (String role : roles == null ? List.<String>of() : roles) {
            if (unit(role).filter(u -> u.type() == OrgUnit.Type.ROLE).isEmpty()) {
                throw new InvalidRequestException("unknown role", Map.of("roles", "unknown role: " + role));
            }
        }
    }

    private void setMembership(String userId, String department, List<String> roles) {
        idm.createMembership(userId, department);
        for (String role : roles == null ? List.<String>of() : roles.stream().distinct().toList()) {
            idm.createMembership(userId, role);
        }
    }

    private static void checkId(String field, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidRequestException("ids are 2-64 letters, digits, '.', '_' or '-'",
                    Map.of(field, "2-64 letters, digits, '.', '_' or '-'"));
        }
    }

    private static void checkName(String field, String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new InvalidRequestException("a name is required, at most " + MAX_NAME + " characters",
                    Map.of(field, "required, at most " + MAX_NAME + " characters"));
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 128) {
            throw new InvalidRequestException("passwords are " + MIN_PASSWORD + " to 128 characters",
                    Map.of("password", MIN_PASSWORD + " to 128 characters"));
        }
    }
}
