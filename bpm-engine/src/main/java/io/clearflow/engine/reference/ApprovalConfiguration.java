package io.clearflow.engine.reference;

import io.clearflow.engine.api.StartPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reference approval is started on its own page, which stores the request in its table first. */
@Configuration(proxyBeanMethods = false)
class ApprovalConfiguration {

    @Bean
    StartPage approvalStartPage() {
        return new StartPage(ApprovalService.PROCESS_KEY, "/approvals/new");
    }
}
