package kr.sotong.signage.player;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import kr.sotong.platform.RateLimits;
import kr.sotong.signage.device.DeviceTokens;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer sdt_…} on the player API for this request only. A revoked
 * token, a retired device or an unknown token gets a 401 problem saying which; repeated unknown tokens
 * from one address are throttled. Not a bean: it belongs to the player filter chain only.
 */
class DeviceTokenFilter extends OncePerRequestFilter {

    private final DeviceTokens tokens;
    private final RateLimits limits;

    DeviceTokenFilter(DeviceTokens tokens, RateLimits limits) {
        this.tokens = tokens;
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        DeviceTokens.Check check = tokens.check(header.substring(7).strip());
        switch (check.outcome()) {
            case OK -> {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new DevicePrincipal(check.deviceId(), check.code()));
                SecurityContextHolder.setContext(context);
                try {
                    chain.doFilter(request, response);
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }
            case REVOKED -> deny(response, request, "signage.device.revoked",
                    "이 기기의 인증이 취소되었습니다. 담당자에게 문의해 다시 페어링하세요.");
            case RETIRED -> deny(response, request, "signage.device.retired", "철거 처리된 기기입니다. 더 이상 송출할 수 없습니다.");
            case UNKNOWN -> {
                if (!limits.tryAcquire("signage.bad-token", request.getRemoteAddr(), 30, Duration.ofMinutes(1))) {
                    Problems.write(response, 429, "Too Many Requests", "error.rate-limited",
                            "잘못된 기기 토큰이 너무 많이 들어왔습니다. 잠시 후 다시 시도하세요.", request.getRequestURI());
                    return;
                }
                deny(response, request, "signage.device.unknown-token", "등록되지 않은 기기 토큰입니다. 플레이어를 다시 페어링하세요.");
            }
        }
    }

    private static void deny(HttpServletResponse response, HttpServletRequest request, String code, String detail)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        Problems.write(response, 401, "Unauthorized", code, detail, request.getRequestURI());
    }
}
