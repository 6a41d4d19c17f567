package io.clearflow.engine.monitor;

import io.clearflow.engine.api.NavigationItem;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The monitoring pages in the shell's menu: queries for everyone, operations for the overseers. */
@Configuration(proxyBeanMethods = false)
class MonitorNavigation {

    static final List<String> OVERSEERS = List.of("ADMIN", "OPS", "PROCESS_OWNER", "IT_MANAGER");

    @Bean
    NavigationItem jobMonitorNavigation() {
        return new NavigationItem("nav.monitor", "/monitor/jobs", 90, OVERSEERS, NavigationItem.OPERATIONS);
    }

    @Bean
    NavigationItem instanceQueryNavigation() {
        return new NavigationItem("nav.monitor.instances", "/monitor/instances", 91, List.of(), NavigationItem.OPERATIONS);
    }

    @Bean
    NavigationItem departmentQueryNavigation() {
        return new NavigationItem("nav.monitor.departments", "/monitor/departments", 92, List.of(), NavigationItem.OPERATIONS);
    }

    @Bean
    NavigationItem usageStatisticsNavigation() {
        return new NavigationItem("nav.monitor.statistics", "/monitor/statistics", 93, List.of(), NavigationItem.OPERATIONS);
    }

    @Bean
    NavigationItem exceptionTasksNavigation() {
        return new NavigationItem("nav.monitor.exceptions", "/monitor/exceptions", 94, OVERSEERS, NavigationItem.OPERATIONS);
    }
}
