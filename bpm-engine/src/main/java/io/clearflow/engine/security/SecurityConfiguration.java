package io.clearflow.engine.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three chains: the REST API (HTTP Basic or bearer token, or the page session with its CSRF token),
 * actuator (health open for load balancers, the rest for admins and ops over HTTP Basic) and the
 * pages (form login, CSRF). Finer rules by role and department are method-level
 * ({@code @PreAuthorize}) in the services that own the data. Every chain that takes a password throttles repeated
 * failures ({@link LoginThrottle}) before checking it.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties({LoginProperties.class, ApiRateProperties.class})
class SecurityConfiguration {

    private final LoginThrottleFilter throttle;
    private final ApiRateLimitFilter rateLimit;

    SecurityConfiguration(LoginThrottle throttle, ApiRateProperties rate, ObjectMapper json, MeterRegistry meters) {
        // one instance each, added to the chains; not beans, or Boot would also register them for every request
        this.throttle = new LoginThrottleFilter(throttle, json);
        this.rateLimit = rate.enabled() ? new ApiRateLimitFilter(new ApiRateLimit(rate.perSecond(), rate.burst(), System::nanoTime),
                json, Counter.builder("clearflow.api.throttled").description("API requests refused by the rate limit")
                        .register(meters)) : null;
    }

    /** Static: the filter above needs it while this configuration is being built. */
    @Bean
    static LoginThrottle loginThrottle(LoginProperties properties) {
        return new LoginThrottle(properties.limits(), Clock.systemUTC());
    }

    /** Where Flowable's external-worker REST servlet is mounted (its default). */
    static final String EXTERNAL_WORKER_API = "/external-job-api";


    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; frame-ancestors 'self'; form-action 'self'";

    /**
     * Headers on every answer, beside Spring Security's defaults (nosniff, no caching of authenticated answers):
     * framing by the platform's own pages only (as the pages' CSP {@code frame-ancestors 'self'} says), no full URLs in
     * the referrer to other sites, and HSTS for a year on requests that came over TLS (directly, or through a proxy
     * that says so in {@code X-Forwarded-Proto}: {@code server.forward-headers-strategy}).
     */
    static org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        return headers.frameOptions(frame -> frame.sameOrigin())
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }

    /**
     * Path matchers built explicitly: with Flowable's external-worker servlet registered next to Spring MVC's,
     * Spring Security refuses to guess what a plain string pattern means (500 on every request in a real server).
     */
    static RequestMatcher[] paths(String... patterns) {
        return java.util.Arrays.stream(patterns).map(p -> PathPatternRequestMatcher.withDefaults().matcher(p))
                .toArray(RequestMatcher[]::new);
    }

    /**
     * Flowable's external-worker API, through which bots acquire, complete and fail their jobs.
     * Only bots (and administrators, for repairs) may take work; every call brings its own
     * credentials (a bot's Bearer token), so there is no session and nothing to forge.
     */
    @Bean
    @Order(0)
    SecurityFilterChain externalWorkerChain(HttpSecurity http, ApiTokenService tokens, PlatformUserDetailsService users,
                                            ProblemResponses problems) throws Exception {
        // A path matcher, not an MVC one: the API is Flowable's own servlet, not Spring MVC's.
        http.headers(SecurityConfiguration::headers)
                .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(EXTERNAL_WORKER_API + "/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole("BOT", "ADMIN"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, users, problems.unauthorized()),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(throttle, BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokenService tokens, PlatformUserDetailsService users,
                                 ProblemResponses problems) throws Exception {
        // A request that brings its own credentials cannot be forged by another site; a request
        // riding on the page session can, so only those need the CSRF token.
        RequestMatcher stateChanging = request -> !HttpMethod.GET.matches(request.getMethod())
                && !HttpMethod.HEAD.matches(request.getMethod()) && !HttpMethod.OPTIONS.matches(request.getMethod());
        RequestMatcher sessionOnly = new NegatedRequestMatcher(new RequestHeaderRequestMatcher("Authorization"));
        if (rateLimit != null) {
            http.addFilterAfter(rateLimit, BasicAuthenticationFilter.class);
        }
        http.headers(SecurityConfiguration::headers)
                .securityMatcher(new OrRequestMatcher(paths("/api/**", "/v3/api-docs", "/v3/api-docs/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(paths("/api/admin/**")).hasRole("ADMIN")
                        .anyRequest().access(ParticipantBoundary.INSTANCE))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new AndRequestMatcher(stateChanging, sessionOnly)))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, users, problems.unauthorized()),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(throttle, BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorChain(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.headers(SecurityConfiguration::headers)
                .securityMatcher(paths("/actuator/**")[0])
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(paths("/actuator/health", "/actuator/health/**", "/actuator/info")).permitAll()
                        .requestMatchers(paths("/actuator/auditevents")).hasAnyRole("ADMIN", "OPS")
                        .anyRequest().hasAnyRole("ADMIN", "OPS", "BOT"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // read-only endpoints, no session
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .addFilterBefore(throttle, BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageChain(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(paths("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error"))
                        .permitAll()
                        .requestMatchers(paths("/admin/**")).hasRole("ADMIN")
                        .anyRequest().access(ParticipantBoundary.INSTANCE))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(problems.loginFailure())
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers(headers).contentSecurityPolicy(csp -> csp.policyDirectives(CSP)))
                .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }
}
