package io.clearflow.delivery;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.identity.OrgDirectory;
import org.springframework.stereotype.Component;

/** Display names for user ids: pages and answers show people by name, never by id. */
@Component
public class People {

    private final OrgDirectory directory;

    People(OrgDirectory directory) {
        this.directory = directory;
    }

    /** The display name, or the id itself for somebody no longer in the directory; null for null. */
    public String name(String userId) {
        return userId == null ? null : directory.member(userId).map(Member::displayName).orElse(userId);
    }

    public String department(String groupId) {
        return groupId == null ? null : directory.unitNames().getOrDefault(groupId, groupId);
    }
}
