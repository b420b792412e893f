package kr.sotong.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import kr.sotong.platform.PublicPaths;
import kr.sotong.platform.RateLimits;
import kr.sotong.platform.Roles;
import kr.sotong.platform.accounts.ApiTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * Staff form login and bearer tokens; residents' pages are public. {@code /staff/**} and {@code /api/**}
 * need a staff session or token (modules open single API paths with a {@link PublicPaths} bean);
 * role checks sit on controllers and facades with {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    static final String CSP = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "media-src 'self' blob:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "frame-ancestors 'self'",
            "base-uri 'self'",
            "form-action 'self'");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Spring Security's own observations (a span and timer around every filter of every request) are off:
     * {@code http.server.requests} already times each request, and the decorating wrappers cost more CPU per API
     * request than the bearer-token check itself.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Requests carrying {@code Authorization: Bearer …} (integrations, kiosks, the mobile app): authenticated by the
     * token for that request only, so this chain has no session, CSRF token, saved request, form login or logout —
     * the same outcome as the browser chain gives such a request, without the filters that cannot apply to it.
     * Access rules, error answers and security headers are the browser chain's.
     */
    @Bean
    @Order(90)
    SecurityFilterChain bearerSecurity(HttpSecurity http, ApiTokens tokens, ObjectProvider<PublicPaths> contributions)
            throws Exception {
        http.securityMatcher(BearerTokenFilter::hasBearer);
        authorize(http, contributions);
        http.csrf(c -> c.disable());
        http.sessionManagement(m -> m.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.requestCache(c -> c.disable());
        http.securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()));
        errors(http);
        headers(http);
        http.addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class);
        http.addFilterAfter(new MustChangePasswordFilter(), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(100)
    SecurityFilterChain sotongSecurity(HttpSecurity http, RateLimits limits,
                                       ObjectProvider<PublicPaths> contributions) throws Exception {
        List<String> csrfExempt = new ArrayList<>();
        contributions.orderedStream().forEach(p -> csrfExempt.addAll(p.csrfExempt()));
        // requests with a bearer token never reach this chain (bearerSecurity takes them)
        List<RequestMatcher> csrfIgnored = new ArrayList<>(List.of(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/auth/token")));
        csrfExempt.forEach(p -> csrfIgnored.add(PathPatternRequestMatcher.withDefaults().matcher(p)));

        authorize(http, contributions);
        http.formLogin(f -> f.loginPage("/login").permitAll()
                .successHandler(successHandler())
                .failureHandler(failureHandler()));
        http.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("SOTONG_SESSION"));
        http.csrf(c -> c.ignoringRequestMatchers(csrfIgnored.toArray(RequestMatcher[]::new)));
        errors(http);
        headers(http);
        http.addFilterBefore(new LoginThrottleFilter(limits), UsernamePasswordAuthenticationFilter.class);
        http.addFilterAfter(new MustChangePasswordFilter(), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** Who may reach which path; the same for both chains. */
    private static void authorize(HttpSecurity http, ObjectProvider<PublicPaths> contributions) throws Exception {
        List<String> permit = new ArrayList<>();
        contributions.orderedStream().forEach(p -> permit.addAll(p.permitAll()));
        http.authorizeHttpRequests(a -> {
            a.requestMatchers("/login", "/error", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico",
                    "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
            a.requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll();
            if (!permit.isEmpty()) {
                a.requestMatchers(permit.toArray(String[]::new)).permitAll();
            }
            a.requestMatchers("/actuator/**").hasRole(Roles.ADMIN);
            a.requestMatchers("/staff/admin/**").hasRole(Roles.ADMIN);
            a.requestMatchers("/staff/**", "/api/**", "/v3/api-docs", "/v3/api-docs/**").authenticated();
            a.anyRequest().permitAll();
        });
    }

    /** 401/403 as ProblemDetail on the API, the login page or the 403 page elsewhere. */
    private static void errors(HttpSecurity http) throws Exception {
        RequestMatcher api = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs"),
                PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"));
        http.exceptionHandling(e -> e
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        PathPatternRequestMatcher.withDefaults().matcher("/staff/**"))
                .defaultAuthenticationEntryPointFor((req, res, ex) -> ProblemResponses.write(res, 401, "Unauthorized",
                        "인증이 필요합니다. 로그인하거나 Bearer 토큰을 보내세요.", req.getRequestURI()), api)
                .defaultAccessDeniedHandlerFor((req, res, ex) -> ProblemResponses.write(res, 403, "Forbidden",
                        "이 작업을 할 권한이 없습니다.", req.getRequestURI()), api)
                .defaultAccessDeniedHandlerFor(pageDenied(), AnyRequestMatcher.INSTANCE));
    }

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(h -> h
                .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .frameOptions(f -> f.sameOrigin())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                        "camera=(), microphone=(), geolocation=(), payment=()"))
                .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));
    }

    private static SavedRequestAwareAuthenticationSuccessHandler successHandler() {
        SavedRequestAwareAuthenticationSuccessHandler h = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(HttpServletRequest request,
                                                jakarta.servlet.http.HttpServletResponse response) {
                return "/staff";
            }
        };
        h.setDefaultTargetUrl("/staff");
        return h;
    }

    private static AccessDeniedHandlerImpl pageDenied() {
        AccessDeniedHandlerImpl handler = new AccessDeniedHandlerImpl();
        handler.setErrorPage("/error/403");
        return handler;
    }

    private static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            String reason = exception instanceof LockedException ? "locked"
                    : exception instanceof DisabledException ? "disabled" : "bad";
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }
}
