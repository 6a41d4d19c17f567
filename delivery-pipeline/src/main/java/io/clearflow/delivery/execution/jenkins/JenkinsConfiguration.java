package io.clearflow.delivery.execution.jenkins;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.testmetrics.api.TestEvidence;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.client.RestClient;

/**
 * The Jenkins executor. It always exists, so an environment of kind {@code jenkins} without Jenkins configured
 * fails with a clear message instead of finding no executor.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JenkinsProperties.class)
class JenkinsConfiguration {

    @Bean(destroyMethod = "close")
    JenkinsExecutor jenkinsExecutor(JenkinsProperties properties, ObjectProvider<RestClient.Builder> builders,
                                    ObjectMapper json, ObjectProvider<TestEvidence> evidence) {
        JenkinsClient client = properties.enabled()
                ? new JenkinsClient(properties, builders.getIfAvailable(RestClient::builder), json) : null;
        return new JenkinsExecutor(properties, client, evidence.getIfAvailable());
    }

    /**
     * Jenkins cannot sign in: the notification authenticates by its HMAC signature, which the controller verifies
     * before it reads anything. Ahead of the API chain, for this one path only.
     */
    @Bean
    @Order(0)
    SecurityFilterChain jenkinsNotificationChain(HttpSecurity http) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(JenkinsNotificationController.PATH))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}
