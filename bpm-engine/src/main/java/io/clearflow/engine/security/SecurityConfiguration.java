package io.clearflow.engine.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
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
 * ({@code @PreAuthorize}) in the services that own the data.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Where Flowable's external-worker REST servlet is mounted (its default). */
    static final String EXTERNAL_WORKER_API = "/external-job-api";


    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; frame-ancestors 'self'; form-action 'self'";

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
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(EXTERNAL_WORKER_API + "/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole("BOT", "ADMIN"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, users, problems.unauthorized()),
                        BasicAuthenticationFilter.class);
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
        http.securityMatcher(new OrRequestMatcher(paths("/api/**", "/v3/api-docs", "/v3/api-docs/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(paths("/api/admin/**")).hasRole("ADMIN")
                        .anyRequest().access(ParticipantBoundary.INSTANCE))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new AndRequestMatcher(stateChanging, sessionOnly)))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, users, problems.unauthorized()),
                        BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorChain(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.securityMatcher(paths("/actuator/**")[0])
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(paths("/actuator/health", "/actuator/health/**", "/actuator/info")).permitAll()
                        .anyRequest().hasAnyRole("ADMIN", "OPS", "BOT"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // read-only endpoints, no session
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(paths("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error"))
                        .permitAll()
                        .requestMatchers(paths("/admin/**")).hasRole("ADMIN")
                        .anyRequest().access(ParticipantBoundary.INSTANCE))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error")
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
        return http.build();
    }
}
