package kr.sotong.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import kr.sotong.platform.RateLimits;
import org.springframework.web.filter.OncePerRequestFilter;

/** Throttles login attempts per client address (on top of the per-account lockout). */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final int PER_MINUTE = 20;

    private final RateLimits limits;

    LoginThrottleFilter(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !("/login".equals(request.getServletPath()) || "/api/v1/auth/token".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!limits.tryAcquire("login", request.getRemoteAddr(), PER_MINUTE, Duration.ofMinutes(1))) {
            response.setHeader("Retry-After", "60");
            if (request.getServletPath().startsWith("/api/")) {
                ProblemResponses.write(response, 429, "Too Many Requests",
                        "로그인 시도가 너무 많습니다. 1분 후 다시 시도하세요.", request.getRequestURI());
            } else {
                response.sendRedirect(request.getContextPath() + "/login?throttled");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
