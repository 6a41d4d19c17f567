package io.clearflow.regtech;

import io.clearflow.engine.api.ModuleSchema;
import io.clearflow.engine.api.NavigationItem;
import io.clearflow.regtech.fetch.AddressGuard;
import io.clearflow.regtech.fetch.FeedFetcher;
import io.clearflow.regtech.fetch.HttpFeedFetcher;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The regtech module's tables, settings and menu entries. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegtechProperties.class)
class RegtechModuleConfiguration {

    @Bean
    ModuleSchema regtechSchema() {
        return new ModuleSchema("regtech", "classpath:db/migration/regtech");
    }

    /** The HTTP fetcher behind the SSRF guard, with the configured timeouts, limit, redirects and proxy. */
    @Bean
    FeedFetcher feedFetcher(RegtechProperties p) {
        return new HttpFeedFetcher(new AddressGuard(p.allowPrivateAddresses(), p.allowedHosts()), p.connectTimeout(),
                p.readTimeout(), p.maxBytes().toBytes(), p.maxRedirects(), p.proxy(), p.userAgent());
    }

    @Bean
    NavigationItem regtechTrackerNavigation() {
        return new NavigationItem("regtech.nav.tracker", "/regtech", 60, List.of(), NavigationItem.GOVERNANCE);
    }

    @Bean
    NavigationItem regtechAssessmentNavigation() {
        return new NavigationItem("regtech.nav.assessments", "/regtech/assessments", 61,
                List.of("COMPLIANCE", "IT_MANAGER", "BUSINESS", "PROCESS_OWNER", "ADMIN"), NavigationItem.GOVERNANCE);
    }

    /** Everyone may subscribe; the page also lists the notices of new matching items. */
    @Bean
    NavigationItem regtechSubscriptionsNavigation() {
        return new NavigationItem("regtech.nav.subscriptions", "/regtech/subscriptions", 63, List.of(), NavigationItem.GOVERNANCE);
    }

    @Bean
    NavigationItem regtechSourcesNavigation() {
        return new NavigationItem("regtech.nav.sources", "/regtech/sources", 62, List.of("ADMIN"), NavigationItem.OPERATIONS);
    }

    @Bean
    NavigationItem regtechDictionaryNavigation() {
        return new NavigationItem("regtech.nav.dictionary", "/regtech/dictionary", 64, List.of("ADMIN"), NavigationItem.OPERATIONS);
    }

    /** An assessment's steps move only through the module's pages, which keep its records and its process in step. */
    @Bean
    io.clearflow.engine.work.ModuleOwnedProcess regtechOwnsItsAssessments() {
        return new io.clearflow.engine.work.ModuleOwnedProcess(io.clearflow.regtech.assess.AssessmentService.PROCESS_KEY);
    }
}
