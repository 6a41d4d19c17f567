package io.clearflow.delivery.cockpit;

import io.clearflow.engine.api.NavigationItem;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cockpit's and the year-end review's menu entries, for those who may read them (see {@link CockpitAccess}). */
@Configuration(proxyBeanMethods = false)
class CockpitConfiguration {

    static final List<String> READERS = List.of("IT_MANAGER", "ADMIN", "PROCESS_OWNER");

    @Bean
    NavigationItem cockpitNavigation() {
        return new NavigationItem("delivery.cockpit.nav", "/delivery/cockpit", 58, READERS, NavigationItem.GOVERNANCE);
    }

    @Bean
    NavigationItem yearReviewNavigation() {
        return new NavigationItem("delivery.cockpit.review.nav", "/delivery/year-review", 59, READERS, NavigationItem.GOVERNANCE);
    }
}
