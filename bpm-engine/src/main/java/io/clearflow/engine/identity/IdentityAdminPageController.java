package io.clearflow.engine.identity;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Flash;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.OrgUnit;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.security.ApiTokenService;
import io.clearflow.engine.security.CurrentUser;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for users, departments, roles and bots. Every change goes through {@link OrgDirectory}. */
@Controller
@RequestMapping("/admin")
@PreAuthorize("hasRole('ADMIN')")
class IdentityAdminPageController {

    private final OrgDirectory directory;
    private final ApiTokenService tokens;
    private final CurrentUser currentUser;

    IdentityAdminPageController(OrgDirectory directory, ApiTokenService tokens, CurrentUser currentUser) {
        this.directory = directory;
        this.tokens = tokens;
        this.currentUser = currentUser;
    }

    @GetMapping("/users")
    String users(Model model) {
        model.addAttribute("users", directory.members());
        addUnits(model);
        return "admin/users";
    }

    @PostMapping("/users")
    String createUser(@RequestParam String userId, @RequestParam String displayName,
                      @RequestParam(required = false) String email, @RequestParam String department,
                      @RequestParam(required = false) List<String> roles, @RequestParam String password,
                      Model model, RedirectAttributes redirect) {
        try {
            directory.createUser(userId, displayName, email, department, roles == null ? List.of() : roles, password);
            redirect.addFlashAttribute("flash", "admin.user.created");
            return "redirect:/admin/users";
        } catch (InvalidRequestException | ConflictException e) {
            refused(model, e);
            model.addAttribute("errors", e instanceof InvalidRequestException i ? i.fieldErrors() : Map.of());
            return users(model);
        }
    }

    @GetMapping("/users/{userId}")
    String user(@PathVariable String userId, Model model) {
        model.addAttribute("user", directory.requireMember(userId));
        addUnits(model);
        return "admin/user";
    }

    @PostMapping("/users/{userId}")
    String updateUser(@PathVariable String userId, @RequestParam String displayName,
                      @RequestParam(required = false) String email, @RequestParam String department,
                      @RequestParam(required = false) List<String> roles, Model model, RedirectAttributes redirect) {
        List<String> newRoles = roles == null ? List.of() : roles;
        try {
            if (userId.equals(currentUser.get().userId()) && !newRoles.contains(PlatformRole.ADMIN.groupId())) {
                throw new InvalidRequestException("admin.error.keepOwnAdmin");
            }
            directory.updateUser(userId, displayName, email, department, newRoles);
            redirect.addFlashAttribute("flash", "admin.saved");
            return "redirect:/admin/users/" + userId;
        } catch (InvalidRequestException e) {
            refused(model, e);
            return user(userId, model);
        }
    }

    @PostMapping("/users/{userId}/password")
    String changePassword(@PathVariable String userId, @RequestParam String password, Model model,
                          RedirectAttributes redirect) {
        try {
            directory.changePassword(userId, password);
            redirect.addFlashAttribute("flash", "admin.password.changed");
            return "redirect:/admin/users/" + userId;
        } catch (InvalidRequestException e) {
            refused(model, e);
            return user(userId, model);
        }
    }

    @PostMapping("/users/{userId}/delete")
    String deleteUser(@PathVariable String userId, RedirectAttributes redirect) {
        if (userId.equals(currentUser.get().userId())) {
            redirect.addFlashAttribute("flashError", "admin.user.deleteSelf");
            return "redirect:/admin/users/" + userId;
        }
        directory.deleteUser(userId);
        redirect.addFlashAttribute("flash", "admin.user.deleted");
        return "redirect:/admin/users";
    }

    @GetMapping("/units")
    String units(Model model) {
        addUnits(model);
        return "admin/units";
    }

    @PostMapping("/units")
    String createUnit(@RequestParam String id, @RequestParam String name, @RequestParam OrgUnit.Type type,
                      Model model, RedirectAttributes redirect) {
        try {
            directory.createUnit(id, name, type);
            redirect.addFlashAttribute("flash", "admin.saved");
            return "redirect:/admin/units";
        } catch (InvalidRequestException | ConflictException e) {
            refused(model, e);
            return units(model);
        }
    }

    @PostMapping("/units/{id}/delete")
    String deleteUnit(@PathVariable String id, RedirectAttributes redirect) {
        try {
            directory.deleteUnit(id);
            redirect.addFlashAttribute("flash", "admin.unit.deleted");
        } catch (ConflictException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/admin/units";
    }

    @GetMapping("/bots")
    String bots(Model model) {
        var bots = directory.membersOf(PlatformRole.BOT.groupId());
        model.addAttribute("bots", bots);
        model.addAttribute("tokens", bots.stream().collect(java.util.stream.Collectors.toMap(
                b -> b.userId(), b -> tokens.tokens(b.userId()))));
        addUnits(model);
        return "admin/bots";
    }

    @PostMapping("/bots")
    String createBot(@RequestParam String userId, @RequestParam String displayName, @RequestParam String department,
                     Model model, RedirectAttributes redirect) {
        try {
            directory.createBot(userId, displayName, department);
            redirect.addFlashAttribute("flash", "admin.bot.created");
            return "redirect:/admin/bots";
        } catch (InvalidRequestException | ConflictException e) {
            refused(model, e);
            return bots(model);
        }
    }

    @PostMapping("/bots/{userId}/tokens")
    String issueToken(@PathVariable String userId, @RequestParam String name, RedirectAttributes redirect) {
        if (!directory.requireMember(userId).hasRole(PlatformRole.BOT)) {
            throw new io.clearflow.engine.api.NotFoundException("bot", userId);
        }
        try {
            var issued = tokens.issue(userId, name);
            redirect.addFlashAttribute("issuedToken", issued.token());
            redirect.addFlashAttribute("issuedFor", userId);
        } catch (InvalidRequestException e) {
            // the one line of the refusal, not its field error: the form has a single field
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/admin/bots";
    }

    @PostMapping("/bots/{userId}/tokens/{tokenId}/revoke")
    String revokeToken(@PathVariable String userId, @PathVariable long tokenId, RedirectAttributes redirect) {
        tokens.revoke(userId, tokenId);
        redirect.addFlashAttribute("flash", "admin.token.revoked");
        return "redirect:/admin/bots";
    }

    /** The refusal's bundle key and its arguments; the page resolves them in the reader's language. */
    private static void refused(Model model, RuntimeException e) {
        model.addAttribute("error", e.getMessage());
        if (e instanceof ConflictException conflict && conflict.args().length > 0) {
            model.addAttribute("errorArgs", conflict.args());
        }
    }

    private void addUnits(Model model) {
        model.addAttribute("departments", directory.units(OrgUnit.Type.DEPARTMENT));
        model.addAttribute("roles", directory.units(OrgUnit.Type.ROLE));
    }
}
