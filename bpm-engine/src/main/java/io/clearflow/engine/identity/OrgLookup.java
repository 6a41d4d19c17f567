package io.clearflow.engine.identity;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.OrgUnit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.engine.IdentityService;
import org.flowable.idm.api.Group;
import org.flowable.idm.api.User;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads users, departments and roles from Flowable IDM. Members and units by id are cached, because the event log
 * asks for every event who did it and in which department and role, and the inbox and every visibility check use
 * the member's groups; the {@code forget…} methods drop what a change touched.
 */
final class OrgLookup {

    private final IdentityService idm;
    private final ExpiringCache<String, Optional<Member>> members;
    private final ExpiringCache<String, Optional<OrgUnit>> unitsById;

    OrgLookup(IdentityService idm, Duration cacheTtl) {
        this.idm = idm;
        this.members = new ExpiringCache<>(cacheTtl, System::nanoTime);
        this.unitsById = new ExpiringCache<>(cacheTtl, System::nanoTime);
    }

    Optional<Member> member(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return members.get(userId, this::loadMember);
    }

    Member requireMember(String userId) {
        return member(userId).orElseThrow(() -> new NotFoundException("user", userId));
    }

    List<Member> members() {
        return idm.createUserQuery().orderByUserId().asc().list().stream()
                .map(u -> member(u.getId()).orElseThrow())
                .toList();
    }

    List<Member> membersOf(String groupId) {
        return idm.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .map(u -> member(u.getId()).orElseThrow())
                .toList();
    }

    List<OrgUnit> units(OrgUnit.Type type) {
        return idm.createGroupQuery().groupType(type.groupType()).orderByGroupId().asc().list().stream()
                .map(g -> new OrgUnit(g.getId(), g.getName(), type))
                .toList();
    }

    Optional<OrgUnit> unit(String groupId) {
        return groupId == null ? Optional.empty() : unitsById.get(groupId, this::loadUnit);
    }

    Map<String, String> unitNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (OrgUnit.Type type : OrgUnit.Type.values()) {
            units(type).forEach(u -> names.put(u.id(), u.name()));
        }
        return names;
    }

    void forgetMember(String userId) {
        forget(() -> members.remove(userId));
    }

    void forgetUnit(String groupId) {
        forget(() -> unitsById.remove(groupId));
    }

    /** A renamed unit: every cached member may carry its old name. */
    void forgetUnitAndMembers(String groupId) {
        forget(() -> {
            members.clear();
            unitsById.remove(groupId);
        });
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

    private Optional<OrgUnit> loadUnit(String groupId) {
        Group g = idm.createGroupQuery().groupId(groupId).singleResult();
        if (g == null || OrgUnit.Type.ofGroupType(g.getType()) == null) {
            return Optional.empty();
        }
        return Optional.of(new OrgUnit(g.getId(), g.getName(), OrgUnit.Type.ofGroupType(g.getType())));
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
}
