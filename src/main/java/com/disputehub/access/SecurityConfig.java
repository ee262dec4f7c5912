package com.disputehub.access;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Every endpoint's rule, in one place (DOMAIN X6): a chain for the sandbox simulators (they stand for the channels
 * and check their own credentials), one for the actuator, one for the API (an API key, or the session of a
 * signed-in person with its CSRF token), and one for the pages (form login, CSRF on every form). Every write names
 * its role; anything else needs at least a signed-in principal (SecurityRulesTest checks both).
 */
@Configuration
class SecurityConfig {

    private static final String VIEWER = Role.VIEWER.name();
    private static final String AGENT = Role.AGENT.name();
    private static final String SUPERVISOR = Role.SUPERVISOR.name();
    private static final String ADMIN = Role.ADMIN.name();

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_SUPERVISOR
                ROLE_SUPERVISOR > ROLE_AGENT
                ROLE_AGENT > ROLE_VIEWER
                """);
    }

    /**
     * The pages' own scripts and styles only (no inline script: page data goes through data- attributes), images
     * from channels over https, never in a frame; nosniff and no-cache are Spring Security's defaults.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' https: data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                        .ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(f -> f.deny()));
    }

    @Bean
    @Order(1)
    SecurityFilterChain sandbox(HttpSecurity http) throws Exception {
        return http.securityMatcher("/sandbox/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http, ApiKeys keys, Problems problems) throws Exception {
        return http.securityMatcher("/actuator/**")
                .addFilterBefore(new ApiKeyFilter(keys, problems), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().hasRole(ADMIN))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(res, 401, "send an API key with the admin scope"))
                        .accessDeniedHandler((req, res, ex) -> problems.write(res, 403, "the actuator needs the admin role or scope")))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, Problems problems) throws Exception {
        headers(http);
        // the OpenAPI contract is read as the API is: with a key or a session (X7)
        return http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
                .addFilterBefore(new ApiKeyFilter(keys, problems), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/admin/**", "/api/webhooks", "/api/webhooks/**").hasRole(ADMIN)
                        .requestMatchers(GET, "/api/quarantine", "/api/audit").hasRole(SUPERVISOR)
                        .requestMatchers(GET, "/api/**").hasRole(VIEWER)
                        .requestMatchers(POST, "/api/incidents/*/decisions", "/api/incidents/*/notes", "/api/incidents/*/no-reply-needed",
                                "/api/incidents/*/documents").hasRole(AGENT)
                        .requestMatchers(POST, "/api/groups", "/api/groups/*/members", "/api/groups/*/members/remove").hasRole(AGENT)
                        .requestMatchers(PATCH, "/api/groups/*").hasRole(AGENT)
                        .requestMatchers(DELETE, "/api/groups/*").hasRole(AGENT)
                        .requestMatchers(POST, "/api/bulk-decisions", "/api/bulk-decisions/*/confirm").hasRole(AGENT)
                        .requestMatchers(POST, "/api/bulk-decisions/*/retry-failed", "/api/decisions/*/retry").hasRole(SUPERVISOR)
                        .requestMatchers(POST, "/api/decisions/*/approve", "/api/decisions/*/reject",
                                "/api/bulk-decisions/*/approve", "/api/bulk-decisions/*/reject").hasRole(SUPERVISOR)
                        .requestMatchers(PUT, "/api/accounts/*/supplier-orders", "/api/accounts/*/refresh-token").hasRole(ADMIN)
                        .requestMatchers(PUT, "/api/incidents/*/external-refs", "/api/incidents/*/assignee", "/api/incidents/assignee",
                                "/api/incidents/*/pinned", "/api/incidents/*/snooze").hasRole(AGENT)
                        .requestMatchers(DELETE, "/api/incidents/*/snooze").hasRole(AGENT)
                        .requestMatchers(POST, "/api/templates").hasRole(AGENT)
                        .requestMatchers(PUT, "/api/templates/*").hasRole(AGENT)
                        .requestMatchers(DELETE, "/api/templates/*").hasRole(AGENT)
                        // unmapped methods and paths answer 405 and 404 to a caller who is known; the rules test checks
                        // that every mapped write names a role above VIEWER
                        .anyRequest().authenticated())
                // only a session's cookie can be ridden by a hostile page: a call with an API key, or with no session,
                // needs no token (the latter is then simply not signed in: 401)
                .csrf(c -> c.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                        || request.getSession(false) == null))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(res, 401,
                                "sign in, or send an API key as 'Authorization: Bearer dh_...'"))
                        .accessDeniedHandler((req, res, ex) -> problems.write(res, 403,
                                "your role or your key's scopes do not allow this (" + req.getMethod() + " " + req.getRequestURI() + ")")))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain pages(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> singleSignOn, SingleSignOn people)
            throws Exception {
        headers(http);
        if (singleSignOn.getIfAvailable() != null) {
            // OpenID Connect, when spring.security.oauth2.client.registration.* names a provider (docs/security.md)
            http.oauth2Login(o -> o.loginPage("/login").defaultSuccessUrl("/inbox").failureUrl("/login?sso")
                    .userInfoEndpoint(u -> u.oidcUserService(people)));
        }
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers(GET, "/", "/index.html", "/login", "/inbox.css", "/page.js", "/keys.js", "/live.js", "/countdown.js", "/bulk-progress.js",
                                "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/inbox/admin", "/inbox/admin/**").hasRole(ADMIN)
                        .requestMatchers(POST, "/inbox/accounts/*/refresh-token").hasRole(ADMIN)
                        .requestMatchers(GET, "/inbox/audit").hasRole(SUPERVISOR)
                        .requestMatchers(GET, "/inbox", "/inbox/**").hasRole(VIEWER)
                        .requestMatchers(POST, "/inbox/incidents/*/decisions", "/inbox/incidents/*/suggestion",
                                "/inbox/incidents/*/notes", "/inbox/incidents/*/groups", "/inbox/incidents/*/assignee",
                                "/inbox/incidents/*/pin", "/inbox/incidents/*/snooze", "/inbox/incidents/*/wake",
                                "/inbox/incidents/*/no-reply-needed", "/inbox/incidents/*/documents").hasRole(AGENT)
                        .requestMatchers(POST, "/inbox/selection/group", "/inbox/selection/ungroup", "/inbox/selection/assign", "/inbox/groups",
                                "/inbox/groups/*/rename", "/inbox/groups/*/delete").hasRole(AGENT)
                        .requestMatchers(POST, "/inbox/bulk", "/inbox/bulk/*/confirm").hasRole(AGENT)
                        .requestMatchers(POST, "/inbox/templates", "/inbox/templates/*", "/inbox/templates/*/delete").hasRole(AGENT)
                        .requestMatchers(POST, "/inbox/bulk/*/retry-failed").hasRole(SUPERVISOR)
                        .requestMatchers(POST, "/inbox/approvals/*/approve", "/inbox/approvals/*/reject",
                                "/inbox/approvals/bulk/*/approve", "/inbox/approvals/bulk/*/reject").hasRole(SUPERVISOR)
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/inbox").permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll())
                .build();
    }
}
