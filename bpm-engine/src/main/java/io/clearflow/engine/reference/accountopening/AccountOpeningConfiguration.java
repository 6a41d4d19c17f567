package io.clearflow.engine.reference.accountopening;

import io.clearflow.engine.api.ModuleSchema;
import io.clearflow.engine.api.NavigationItem;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.api.StartPage;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Account opening's tables and its entry in the navigation (for those who may apply). */
@Configuration(proxyBeanMethods = false)
class AccountOpeningConfiguration {

    @Bean
    ModuleSchema accountOpeningSchema() {
        return new ModuleSchema("accountopening", "classpath:db/migration/accountopening");
    }

    @Bean
    NavigationItem accountOpeningNavigation() {
        return new NavigationItem("nav.accountOpening", "/account-opening/new", 30, List.of(PlatformRole.PARTICIPANT.roleName(),
                PlatformRole.BUSINESS.roleName(), PlatformRole.ADMIN.roleName()), NavigationItem.BUSINESS);
    }

    @Bean
    StartPage accountOpeningStartPage() {
        return new StartPage(AccountOpeningService.PROCESS_KEY, "/account-opening/new");
    }
}
