package io.clearflow.delivery;

import io.clearflow.engine.api.NavigationItem;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delivery module's settings and its menu entries. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

    /** Roles that see the delivery pages (the same as {@link DeliveryAccess#READ}). */
    static final List<String> READERS = List.of("DEVELOPER", "TESTER", "QC", "OPS", "IT_MANAGER", "COMPLIANCE", "ADMIN");

    @Bean
    NavigationItem deliveryNavigation() {
        return new NavigationItem("delivery.nav", "/delivery/versions", 55, READERS);
    }

    @Bean
    NavigationItem deliveryBoardNavigation() {
        return new NavigationItem("delivery.nav.board", "/delivery/board", 56, READERS);
    }
}
