package kr.sotong.signage.player;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import kr.sotong.signage.device.SeenTracker;
import kr.sotong.signage.schedule.DeviceSchedules;
import kr.sotong.signage.schedule.ScheduleDocument;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code GET /player/v1/schedule}: the device's schedule for today and tomorrow with a strong ETag;
 * {@code If-None-Match} with the current ETag answers 304 without a body. This is the request every
 * player makes every minute, so it is answered at the end of the player API's security filter chain,
 * right after the device token is checked: no handler mapping over every controller, no model attributes,
 * argument resolvers or message converters between the token check and the ETag comparison. Not a bean:
 * it belongs to the player chain only.
 */
class ScheduleEndpoint extends OncePerRequestFilter {

    static final String PATH = "/player/v1/schedule";
    static final String CACHE_CONTROL = "no-cache, private";

    private final DeviceSchedules schedules;
    private final SeenTracker seen;

    ScheduleEndpoint(DeviceSchedules schedules, SeenTracker seen) {
        this.schedules = schedules;
        this.seen = seen;
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
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof DevicePrincipal device)) {
            Problems.write(response, 401, "Unauthorized", "error.unauthenticated", "기기 인증이 필요합니다.",
                    request.getRequestURI());
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
        if (PlayerApiController.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), doc.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setContentLength(doc.json().length);
        if (!head) {
            response.getOutputStream().write(doc.json());
        }
    }
}
