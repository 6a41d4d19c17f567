package io.clearflow.engine.web;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.identity.OrgDirectory;
import org.springframework.stereotype.Component;

/** People by name on pages ({@code ${@names.user(id)}}): the display name where one exists, else the id as it is. */
@Component("names")
public class Names {

    private final OrgDirectory directory;

    Names(OrgDirectory directory) {
        this.directory = directory;
    }

    public String user(String userId) {
        if (userId == null || userId.isBlank()) {
            return userId;
        }
        return directory.member(userId).map(Member::displayName).filter(n -> !n.isBlank()).orElse(userId);
    }
}
