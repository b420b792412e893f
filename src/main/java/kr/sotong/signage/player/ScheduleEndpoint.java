package kr.sotong.signage.player;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import kr.sotong.signage.device.DeviceTokens;
import kr.sotong.signage.device.SeenTracker;
import kr.sotong.signage.schedule.DeviceSchedules;
import kr.sotong.signage.schedule.ScheduleDocument;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code GET /player/v1/schedule}: the device's schedule for today and tomorrow with a strong ETag;
 * {@code If-None-Match} with the current ETag answers 304 without a body. Every player makes this
 * request every minute, so it is answered by a servlet filter that runs before the web framework's
 * filters (request observations, the security filter chain's firewall and per-filter observations, header
 * writers, handler mapping): it checks the device token itself ({@link DeviceTokens}, the same check as
 * the player chain) and compares the ETag. Anything it does not answer — a missing, unknown, revoked or
 * retired token — goes on to the player API's security chain, which refuses it with the usual 401
 * problem (and throttles unknown tokens). Polls are counted in {@code sotong.signage.schedule.polls}
 * (tag {@code status}) instead of the generic HTTP request metrics. Registered in
 * {@link PlayerSecurityConfig} for this one path.
 */
class ScheduleEndpoint extends OncePerRequestFilter {

    static final String PATH = "/player/v1/schedule";
    static final String CACHE_CONTROL = "no-cache, private";

    private final DeviceTokens tokens;
    private final DeviceSchedules schedules;
    private final SeenTracker seen;
    private final Counter notModified;
    private final Counter ok;

    ScheduleEndpoint(DeviceTokens tokens, DeviceSchedules schedules, SeenTracker seen, MeterRegistry meters) {
        this.tokens = tokens;
        this.schedules = schedules;
        this.seen = seen;
        this.notModified = meters.counter("sotong.signage.schedule.polls", "status", "304");
        this.ok = meters.counter("sotong.signage.schedule.polls", "status", "200");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals(request.getContextPath() + PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean head = "HEAD".equals(request.getMethod());
        if (!head && !"GET".equals(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, "GET, HEAD");
            Problems.write(response, 405, "Method Not Allowed", "error.method", "허용되지 않는 요청 방식입니다: "
                    + request.getMethod(), request.getRequestURI());
            return;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        DeviceTokens.Check device = header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) ? null
                : tokens.check(header.substring(7).strip());
        if (device == null || device.outcome() != DeviceTokens.Outcome.OK) {
            chain.doFilter(request, response); // the player chain answers with the reason
            return;
        }
        seen.seen(device.deviceId(), schedules.now());
        ScheduleDocument doc = schedules.forDevice(device.deviceId()).orElse(null);
        if (doc == null) {
            Problems.write(response, 404, "Not Found", "error.not-found", "편성을 찾을 수 없는 기기입니다: " + device.code(),
                    request.getRequestURI());
            return;
        }
        response.setHeader(HttpHeaders.ETAG, doc.etag());
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (PlayerApiController.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), doc.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            notModified.increment();
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setContentLength(doc.json().length);
        if (!head) {
            response.getOutputStream().write(doc.json());
        }
        ok.increment();
    }
}
