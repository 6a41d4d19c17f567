package io.clearflow.demand.jira;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class JiraConfiguration {

    /** The client exists only when Jira is configured; otherwise the portal tracks tasks itself. */
    @Bean
    @ConditionalOnExpression("'${clearflow.demand.jira.base-url:}' != ''")
    JiraClient jiraClient(JiraProperties properties, ObjectMapper json) {
        return new JiraClient(properties, json);
    }

    /**
     * Jira cannot sign in: the webhook authenticates by its HMAC signature, which the controller
     * verifies before it reads anything. Ahead of the API chain, for this one path only.
     */
    @Bean
    @Order(0)
    SecurityFilterChain jiraWebhookChain(HttpSecurity http) throws Exception {
        // a path matcher: Flowable's worker servlet beside Spring MVC's makes plain string patterns ambiguous
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(JiraWebhookController.PATH))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}
