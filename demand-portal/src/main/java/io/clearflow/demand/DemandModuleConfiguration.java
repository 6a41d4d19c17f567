package io.clearflow.demand;

import io.clearflow.demand.lifecycle.DemandService;
import io.clearflow.engine.api.ModuleSchema;
import io.clearflow.engine.api.NavigationItem;
import io.clearflow.engine.api.StartPage;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The demand module's tables, settings, menu entries and start page. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DemandProperties.class, io.clearflow.demand.jira.JiraProperties.class,
        io.clearflow.demand.jira.JiraDefectProperties.class})
class DemandModuleConfiguration {

    @Bean
    ModuleSchema demandSchema() {
        return new ModuleSchema("demand", "classpath:db/migration/demand");
    }

    @Bean
    NavigationItem demandMineNavigation() {
        return new NavigationItem("demand.nav.mine", "/demand", 20, List.of(), NavigationItem.DEMAND);
    }

    @Bean
    NavigationItem demandBoardNavigation() {
        return new NavigationItem("demand.nav.board", "/demand/board", 21,
                List.of("IT_MANAGER", "COMPLIANCE", "ADMIN", "PROCESS_OWNER", "DEVELOPER"), NavigationItem.DEMAND);
    }

    /** Administrators: demands whose state and process disagree, and their repair. */
    @Bean
    NavigationItem demandRepairNavigation() {
        return new NavigationItem("demand.nav.repair", "/demand/repair", 23, List.of("ADMIN"), NavigationItem.DEMAND);
    }

    @Bean
    NavigationItem demandStatsNavigation() {
        return new NavigationItem("demand.nav.stats", "/demand/stats", 22, List.of(), NavigationItem.DEMAND);
    }

    /** The home page's start button opens the submission form, which stores the demand before its process starts. */
    @Bean
    StartPage demandStartPage() {
        return new StartPage(DemandService.PROCESS_KEY, "/demand/new");
    }

    /** A demand's steps move only through the demand's page, which keeps its state and its process in step. */
    @Bean
    io.clearflow.engine.work.ModuleOwnedProcess demandOwnsItsProcess() {
        return new io.clearflow.engine.work.ModuleOwnedProcess(DemandService.PROCESS_KEY);
    }
}
