package io.clearflow.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.engine.api.NavigationItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The navigation bar groups links into menus placed where their first link would be. */
class NavigationMenuTest {

    private static final List<NavigationItem> VISIBLE = List.of(
            new NavigationItem("nav.home", "/", 0, List.of()),
            new NavigationItem("demand.nav.mine", "/demand", 20, List.of(), NavigationItem.DEMAND),
            new NavigationItem("demand.nav.board", "/demand/board", 21, List.of(), NavigationItem.DEMAND),
            new NavigationItem("nav.governance", "/governance", 70, List.of(), NavigationItem.GOVERNANCE),
            new NavigationItem("nav.events", "/events", 80, List.of(), NavigationItem.OPERATIONS),
            new NavigationItem("nav.monitor", "/monitor/jobs", 90, List.of(), NavigationItem.OPERATIONS),
            new NavigationItem("nav.admin", "/admin/users", 100, List.of()));

    @Test
    void linksOfAMenuStayTogetherInOrderAndTopLevelLinksKeepTheirPlace() {
        List<NavigationMenu> bar = NavigationMenu.of(VISIBLE, "/");

        assertThat(bar).extracting(NavigationMenu::messageKey).containsExactly("nav.home", NavigationItem.DEMAND,
                NavigationItem.GOVERNANCE, NavigationItem.OPERATIONS, "nav.admin");
        assertThat(bar.get(1).isMenu()).isTrue();
        assertThat(bar.get(1).items()).extracting(NavigationItem::path).containsExactly("/demand", "/demand/board");
        assertThat(bar.get(3).items()).extracting(NavigationItem::path).containsExactly("/events", "/monitor/jobs");
        assertThat(bar.get(0).isMenu()).isFalse();
        assertThat(bar.get(0).active()).isTrue();
    }

    @Test
    void theEntryOfTheCurrentPageIsMarkedButNotItsPrefixNeighbours() {
        List<NavigationMenu> onBoard = NavigationMenu.of(VISIBLE, "/demand/board");
        assertThat(onBoard).filteredOn(NavigationMenu::active).extracting(NavigationMenu::messageKey)
                .containsExactly(NavigationItem.DEMAND);

        List<NavigationMenu> onJob = NavigationMenu.of(VISIBLE, "/monitor/jobs/42");
        assertThat(onJob).filteredOn(NavigationMenu::active).extracting(NavigationMenu::messageKey)
                .containsExactly(NavigationItem.OPERATIONS);

        // "/" marks only the home page; "/eventsX" is not under "/events"
        assertThat(NavigationMenu.of(VISIBLE, "/eventsX")).noneMatch(NavigationMenu::active);
    }
}
