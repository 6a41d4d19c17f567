package io.clearflow.engine.identity;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.OrgUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users, departments and roles, kept in Flowable IDM so that candidate groups in BPMN models and the
 * platform's own rules see the same organisation. Reads are cached ({@link OrgLookup}) because the event log asks
 * for every event who did it and in which department and role, and the inbox and every visibility check
 * use the member's groups. Every change goes through this class ({@link UnitAdministration},
 * {@link UserAdministration}), which drops what it changed from the cache, so a moved user is seen in the new
 * department at once on this node; other nodes see it within {@code clearflow.identity.cache-ttl}.
 */
@Service
public class OrgDirectory {

    private final OrgLookup lookup;
    private final UnitAdministration units;
    private final UserAdministration users;

    public OrgDirectory(IdentityService idm, IdentityProperties properties) {
        this.lookup = new OrgLookup(idm, properties.cacheTtl());
        this.units = new UnitAdministration(idm, lookup);
        this.users = new UserAdministration(idm, lookup);
    }

    public Optional<Member> member(String userId) {
        return lookup.member(userId);
    }

    public Member requireMember(String userId) {
        return lookup.requireMember(userId);
    }

    public List<Member> members() {
        return lookup.members();
    }

    public List<Member> membersOf(String groupId) {
        return lookup.membersOf(groupId);
    }

    public List<OrgUnit> units(OrgUnit.Type type) {
        return lookup.units(type);
    }

    /** A department or role by id; cached, because the event log asks for every task that arrives. */
    public Optional<OrgUnit> unit(String groupId) {
        return lookup.unit(groupId);
    }

    /** Display names of every department and role, for labelling event-log rows and pages. */
    public Map<String, String> unitNames() {
        return lookup.unitNames();
    }

    @Transactional
    public OrgUnit createUnit(String id, String name, OrgUnit.Type type) {
        return units.createUnit(id, name, type);
    }

    @Transactional
    public OrgUnit renameUnit(String id, String name) {
        return units.renameUnit(id, name);
    }

    @Transactional
    public void deleteUnit(String id) {
        units.deleteUnit(id);
    }

    @Transactional
    public Member createUser(String userId, String displayName, String email, String department,
                             List<String> roles, String password) {
        return users.createUser(userId, displayName, email, department, roles, password);
    }

    /**
     * A bot account: role bot, no password (Flowable stores none), so it can only sign in with an
     * API token issued by an administrator.
     */
    @Transactional
    public Member createBot(String userId, String displayName, String department) {
        return users.createBot(userId, displayName, department);
    }

    /** Seeding only: demo users get the documented demo password, shorter than the policy allows. */
    @Transactional
    public Member seedUser(String userId, String displayName, String department, List<String> roles, String password) {
        return users.seedUser(userId, displayName, department, roles, password);
    }

    @Transactional
    public Member updateUser(String userId, String displayName, String email, String department, List<String> roles) {
        return users.updateUser(userId, displayName, email, department, roles);
    }

    @Transactional
    public void changePassword(String userId, String password) {
        users.changePassword(userId, password);
    }

    @Transactional
    public void deleteUser(String userId) {
        users.deleteUser(userId);
    }
}
