package io.clearflow.engine.security;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.identity.OrgDirectory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The member behind the current request (a person, or a bot with its token). */
@Component
public class CurrentUser {

    private final OrgDirectory directory;

    public CurrentUser(OrgDirectory directory) {
        this.directory = directory;
    }

    public Member get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            throw new AccessDeniedException("denied.notSignedIn");
        }
        return directory.member(auth.getName()).orElseThrow(() -> new AccessDeniedException("denied.unknownUser"));
    }
}
