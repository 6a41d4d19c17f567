package io.clearflow.engine.api;

import java.util.List;

/**
 * A link in the web shell's navigation. Modules plug their pages in by declaring beans of this type.
 *
 * @param messageKey message-bundle key of the label
 * @param path       page path
 * @param order      position; the shell sorts by it
 * @param roles      roles that see the link (Spring role names such as {@code ADMIN}); empty for everyone
 */
public record NavigationItem(String messageKey, String path, int order, List<String> roles) {
    public NavigationItem {
        roles = List.copyOf(roles);
    }
}
