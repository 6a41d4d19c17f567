package io.clearflow.delivery;

import io.clearflow.engine.api.Flash;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The delivery pages' post-redirect step: {@link Flash#act} plus the one refusal delivery adds, a separation-of-duties
 * rule, which the page shows in the rule's own words instead of a 403 page.
 */
public final class DeliveryFlash {

    private DeliveryFlash() {
    }

    public static String act(RedirectAttributes redirect, String target, String done, Supplier<?> action) {
        try {
            return Flash.act(redirect, target, done, action);
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            return "redirect:" + target;
        }
    }
}
