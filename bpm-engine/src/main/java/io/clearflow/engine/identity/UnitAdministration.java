package io.clearflow.engine.identity;

import static io.clearflow.engine.identity.OrgInputRules.checkId;
import static io.clearflow.engine.identity.OrgInputRules.checkName;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.api.PlatformRole;
import org.flowable.engine.IdentityService;
import org.flowable.idm.api.Group;

/** Creates, renames and deletes departments and roles (IDM groups), dropping from the cache what it changed. */
final class UnitAdministration {

    private final IdentityService idm;
    private final OrgLookup lookup;

    UnitAdministration(IdentityService idm, OrgLookup lookup) {
        this.idm = idm;
        this.lookup = lookup;
    }

    OrgUnit createUnit(String id, String name, OrgUnit.Type type) {
        checkId("id", id);
        checkName("name", name);
        if (idm.createGroupQuery().groupId(id).count() > 0) {
            throw new ConflictException("admin.error.unitExists", id);
        }
        Group group = idm.newGroup(id);
        group.setName(name.strip());
        group.setType(type.groupType());
        idm.saveGroup(group);
        lookup.forgetUnit(id);
        return new OrgUnit(id, name.strip(), type);
    }

    OrgUnit renameUnit(String id, String name) {
        checkName("name", name);
        Group group = idm.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            throw new NotFoundException("department or role", id);
        }
        group.setName(name.strip());
        idm.saveGroup(group);
        lookup.forgetUnitAndMembers(id);
        return lookup.unit(id).orElseThrow();
    }

    /** Built-in roles and units with members stay. */
    void deleteUnit(String id) {
        OrgUnit unit = lookup.unit(id).orElseThrow(() -> new NotFoundException("department or role", id));
        if (PlatformRole.ofGroupId(id).isPresent()) {
            throw new ConflictException("admin.error.builtinRole", id);
        }
        if (idm.createUserQuery().memberOfGroup(id).count() > 0) {
            throw new ConflictException("admin.error.unitHasMembers", unit.name());
        }
        idm.deleteGroup(id);
        lookup.forgetUnit(id);
    }
}
