package io.clearflow.engine.identity;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.security.ApiTokenService;
import io.clearflow.engine.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administration of users, departments, roles and bot accounts with their API tokens. Admins only. */
@RestController
@RequestMapping("/api/admin")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration", description = "Users, departments, roles, bot accounts and API tokens (role ADMIN)")
class IdentityAdminController {

    private final OrgDirectory directory;
    private final ApiTokenService tokens;
    private final CurrentUser currentUser;

    IdentityAdminController(OrgDirectory directory, ApiTokenService tokens, CurrentUser currentUser) {
        this.directory = directory;
        this.tokens = tokens;
        this.currentUser = currentUser;
    }

    record UserRequest(@NotBlank @Size(max = 64) String userId, @NotBlank @Size(max = 100) String displayName,
                       @Size(max = 255) String email, @NotBlank String department, List<String> roles,
                       @Size(max = 128) String password) { }

    record UserUpdate(@NotBlank @Size(max = 100) String displayName, @Size(max = 255) String email,
                      @NotBlank String department, List<String> roles) { }

    record PasswordChange(@NotBlank @Size(max = 128) String password) { }

    record UnitRequest(@NotBlank @Size(max = 64) String id, @NotBlank @Size(max = 100) String name) { }

    record UnitRename(@NotBlank @Size(max = 100) String name) { }

    record BotRequest(@NotBlank @Size(max = 64) String userId, @NotBlank @Size(max = 100) String displayName,
                      @NotBlank String department) { }

    record TokenRequest(@NotBlank @Size(max = 100) String name) { }

    @GetMapping("/users")
    List<Member> users() {
        return directory.members();
    }

    @GetMapping("/users/{userId}")
    Member user(@PathVariable String userId) {
        return directory.requireMember(userId);
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a person: one department, any roles, a password of 8 to 128 characters")
    Member createUser(@Valid @RequestBody UserRequest request) {
        return directory.createUser(request.userId(), request.displayName(), request.email(), request.department(),
                request.roles(), request.password());
    }

    @PutMapping("/users/{userId}")
    Member updateUser(@PathVariable String userId, @Valid @RequestBody UserUpdate request) {
        if (userId.equals(currentUser.get().userId()) && (request.roles() == null
                || !request.roles().contains(PlatformRole.ADMIN.groupId()))) {
            throw new InvalidRequestException("admin.error.keepOwnAdmin", Map.of("roles", "admin.error.keepAdminRole"));
        }
        return directory.updateUser(userId, request.displayName(), request.email(), request.department(), request.roles());
    }

    @PutMapping("/users/{userId}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@PathVariable String userId, @Valid @RequestBody PasswordChange request) {
        directory.changePassword(userId, request.password());
    }

    @DeleteMapping("/users/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteUser(@PathVariable String userId) {
        if (userId.equals(currentUser.get().userId())) {
            throw new InvalidRequestException("admin.error.deleteSelf");
        }
        directory.deleteUser(userId);
    }

    @GetMapping("/departments")
    List<OrgUnit> departments() {
        return directory.units(OrgUnit.Type.DEPARTMENT);
    }

    @PostMapping("/departments")
    @ResponseStatus(HttpStatus.CREATED)
    OrgUnit createDepartment(@Valid @RequestBody UnitRequest request) {
        return directory.createUnit(request.id(), request.name(), OrgUnit.Type.DEPARTMENT);
    }

    @GetMapping("/roles")
    List<OrgUnit> roles() {
        return directory.units(OrgUnit.Type.ROLE);
    }

    @PostMapping("/roles")
    @ResponseStatus(HttpStatus.CREATED)
    OrgUnit createRole(@Valid @RequestBody UnitRequest request) {
        return directory.createUnit(request.id(), request.name(), OrgUnit.Type.ROLE);
    }

    @PutMapping({"/departments/{id}", "/roles/{id}"})
    OrgUnit rename(@PathVariable String id, @Valid @RequestBody UnitRename request) {
        return directory.renameUnit(id, request.name());
    }

    @DeleteMapping({"/departments/{id}", "/roles/{id}"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteUnit(@PathVariable String id) {
        directory.deleteUnit(id);
    }

    @GetMapping("/bots")
    List<Member> bots() {
        return directory.membersOf(PlatformRole.BOT.groupId());
    }

    @PostMapping("/bots")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a bot account: it signs in with API tokens only, never with a password")
    Member createBot(@Valid @RequestBody BotRequest request) {
        return directory.createBot(request.userId(), request.displayName(), request.department());
    }

    @GetMapping("/bots/{userId}/tokens")
    List<ApiTokenService.TokenInfo> tokens(@PathVariable String userId) {
        requireBot(userId);
        return tokens.tokens(userId);
    }

    @PostMapping("/bots/{userId}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue an API token; the token text is returned this once and never again")
    ApiTokenService.IssuedToken issueToken(@PathVariable String userId, @Valid @RequestBody TokenRequest request) {
        requireBot(userId);
        return tokens.issue(userId, request.name());
    }

    @DeleteMapping("/bots/{userId}/tokens/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(@PathVariable String userId, @PathVariable long tokenId) {
        requireBot(userId);
        tokens.revoke(userId, tokenId);
    }

    private void requireBot(String userId) {
        if (!directory.requireMember(userId).hasRole(PlatformRole.BOT)) {
            throw new NotFoundException("bot", userId);
        }
    }
}
