package kr.sotong.signage.player;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import kr.sotong.platform.RateLimits;
import kr.sotong.signage.config.SignageAccess;
import kr.sotong.signage.device.DeviceTokens;
import kr.sotong.signage.device.SeenTracker;
import kr.sotong.signage.schedule.DeviceSchedules;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The player API's own security: device tokens instead of staff sessions, stateless, no CSRF (no
 * cookies are used), explicit caching set by the controllers (no blanket {@code no-store}), checked
 * before the platform's chain (order 100).
 */
@Configuration(proxyBeanMethods = false)
class PlayerSecurityConfig {

    @Bean
    @Order(40)
    SecurityFilterChain playerApiSecurity(HttpSecurity http, DeviceTokens tokens, RateLimits limits) throws Exception {
        http.securityMatcher("/player/v1/**");
        http.authorizeHttpRequests(a -> a
                .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                .requestMatchers(HttpMethod.POST, "/player/v1/pairings", "/player/v1/pairings/claim").permitAll()
                .anyRequest().hasRole(SignageAccess.DEVICE_ROLE));
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.csrf(c -> c.disable());
        http.requestCache(r -> r.disable());
        http.formLogin(f -> f.disable());
        http.httpBasic(b -> b.disable());
        http.logout(l -> l.disable());
        http.headers(h -> h
                .cacheControl(c -> c.disable())
                .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        http.exceptionHandling(e -> e
                .authenticationEntryPoint((req, res, ex) -> Problems.write(res, 401, "Unauthorized", "error.unauthenticated",
                        "기기 인증이 필요합니다: Authorization: Bearer <기기 토큰>", req.getRequestURI()))
                .accessDeniedHandler((req, res, ex) -> Problems.write(res, 403, "Forbidden", "error.forbidden",
                        "이 기기로는 할 수 없는 요청입니다.", req.getRequestURI())));
        http.addFilterBefore(new DeviceTokenFilter(tokens, limits), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /** The schedule poll, answered before the web framework's filters (see {@link ScheduleEndpoint}). */
    @Bean
    FilterRegistrationBean<ScheduleEndpoint> signageScheduleEndpoint(DeviceTokens tokens, DeviceSchedules schedules,
                                                                   SeenTracker seen, MeterRegistry meters) {
        FilterRegistrationBean<ScheduleEndpoint> registration =
                new FilterRegistrationBean<>(new ScheduleEndpoint(tokens, schedules, seen, meters));
        registration.addUrlPatterns(ScheduleEndpoint.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
