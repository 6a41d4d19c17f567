package io.clearflow.engine.web;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.security.CurrentUser;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Identity")
class MeController {

    private final CurrentUser currentUser;

    MeController(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** Who the caller is: department and roles, as the platform's rules see them. */
    @GetMapping("/api/me")
    Member me() {
        return currentUser.get();
    }
}
