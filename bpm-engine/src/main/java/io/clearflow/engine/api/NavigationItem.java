package io.clearflow.engine.api;

import java.util.List;

/**
 * A link in the web shell's navigation. Modules plug their pages in by declaring beans of this type.
 *
 * @param messageKey message-bundle key of the label
 * @param path       page path
 * @param order      position; the shell sorts by it (a menu sits where its first link would)
 * @param roles      roles that see the link (Spring role names such as {@code ADMIN}, or a department's authority
 *                   such as {@code DEPT_dept-clearing}); empty for everyone
 * @param menu       the menu the link belongs to (one of the constants below), or null for a top-level link
 */
public record NavigationItem(String messageKey, String path, int order, List<String> roles, String menu) {

    /** 需求管理: the demand portal's pages. */
    public static final String DEMAND = "nav.menu.demand";
    /** 业务办理: where business staff and participants apply and confirm. */
    public static final String BUSINESS = "nav.menu.business";
    /** 治理与分析: process governance and process mining. */
    public static final String GOVERNANCE = "nav.menu.governance";
    /** 运行监控: bots, jobs, instances, statistics, the event log. */
    public static final String OPERATIONS = "nav.menu.operations";

    public NavigationItem {
        roles = List.copyOf(roles);
    }

    /** A top-level link. */
    public NavigationItem(String messageKey, String path, int order, List<String> roles) {
        this(messageKey, path, order, roles, null);
    }
}
