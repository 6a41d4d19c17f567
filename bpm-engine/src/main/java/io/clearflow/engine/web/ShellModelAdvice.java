package io.clearflow.engine.web;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NavigationItem;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.security.ParticipantBoundary;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's shell needs: the signed-in member, the navigation they may see, unit names. */
@ControllerAdvice(annotations = Controller.class)
class ShellModelAdvice {

    private final List<NavigationItem> navigation;
    private final OrgDirectory directory;
    private final Labels labels;

    ShellModelAdvice(List<NavigationItem> navigation, OrgDirectory directory, Labels labels) {
        this.labels = labels;
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
        this.directory = directory;
    }

    /**
     * The same model for a page an exception handler renders. Never fails: an error page that cannot
     * name the user (the directory unreachable) is still shown, without the shell.
     */
    org.springframework.web.servlet.ModelAndView addTo(org.springframework.web.servlet.ModelAndView page,
                                                        HttpServletRequest request) {
        try {
            page.addObject("me", me());
            page.addObject("navigationMenu", navigationMenu(request));
            page.addObject("navigation", navigation());
            page.addObject("showApiDocs", showApiDocs());
            page.addObject("unitNames", unitNames());
        } catch (RuntimeException e) {
            page.getModel().remove("me");
        }
        return page;
    }

    @ModelAttribute("me")
    Member me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
            return null;
        }
        return directory.member(auth.getName()).orElse(null);
    }

    /** The navigation bar: top-level links and menus, the entry of the current page marked. */
    @ModelAttribute("navigationMenu")
    List<NavigationMenu> navigationMenu(HttpServletRequest request) {
        return NavigationMenu.of(navigation(), request.getRequestURI().substring(request.getContextPath().length()));
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return List.of();
        }
        var granted = auth.getAuthorities().stream().map(a -> a.getAuthority()).toList();
        return navigation.stream()
                .filter(item -> item.roles().isEmpty() || item.roles().stream().anyMatch(r -> granted.contains("ROLE_" + r) || granted.contains(r)))
                .filter(item -> ParticipantBoundary.mayReach(auth, item.path()))
                .toList();
    }

    /** Whether the shell links the API documentation (internal staff only). */
    @ModelAttribute("showApiDocs")
    boolean showApiDocs() {
        return ParticipantBoundary.mayReach(SecurityContextHolder.getContext().getAuthentication(), "/swagger-ui.html");
    }

    /**
     * Department and role names by id, in the reader's language where the bundle has the unit (the seeded
     * ones); a department someone created keeps its one name.
     */
    @ModelAttribute("unitNames")
    Map<String, String> unitNames() {
        Map<String, String> names = new java.util.HashMap<>();
        directory.unitNames().forEach((id, name) -> names.put(id, labels.unit(id, name)));
        return names;
    }
}
