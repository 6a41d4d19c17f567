package io.clearflow.engine.web;

import io.clearflow.engine.api.NavigationItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of the shell's navigation bar: a top-level link, or a menu of links. With a dozen pages
 * a flat bar wraps over several lines; menus keep it on one.
 *
 * @param messageKey the link's or the menu's label key
 * @param path       the link's path; null for a menu
 * @param items      a menu's links, in order
 * @param active     whether the current page is this link or one of the menu's
 */
public record NavigationMenu(String messageKey, String path, List<NavigationItem> items, boolean active) {

    public boolean isMenu() {
        return path == null;
    }

    /** The entries for the visible items (already sorted by order), marking the one the current path is under. */
    static List<NavigationMenu> of(List<NavigationItem> visible, String currentPath) {
        Map<String, List<NavigationItem>> menus = new LinkedHashMap<>();
        List<Object> order = new ArrayList<>();
        for (NavigationItem item : visible) {
            if (item.menu() == null) {
                order.add(item);
            } else {
                menus.computeIfAbsent(item.menu(), key -> {
                    order.add(key);
                    return new ArrayList<>();
                }).add(item);
            }
        }
        return order.stream().map(entry -> entry instanceof NavigationItem link
                ? new NavigationMenu(link.messageKey(), link.path(), List.of(), under(currentPath, link))
                : new NavigationMenu((String) entry, null, List.copyOf(menus.get(entry)),
                        menus.get(entry).stream().anyMatch(item -> under(currentPath, item)))).toList();
    }

    private static boolean under(String currentPath, NavigationItem item) {
        if (currentPath == null) {
            return false;
        }
        String path = item.path();
        return "/".equals(path) ? "/".equals(currentPath) : currentPath.equals(path) || currentPath.startsWith(path + "/");
    }
}
