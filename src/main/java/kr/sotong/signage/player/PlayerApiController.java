package kr.sotong.signage.player;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.RateLimits;
import kr.sotong.shared.DomainException;
import kr.sotong.signage.device.DeviceRegistry;
import kr.sotong.signage.report.ProofOfPlayLedger;
import kr.sotong.signage.schedule.DeviceSchedules;
import kr.sotong.signage.schedule.ScheduleDocument;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The player API ({@code /player/v1/…}; the schedule itself is served by {@link ScheduleEndpoint}): pairing, content by hash with ranges
 * and long cache lifetimes, heartbeats, proof of play, screenshots and the refresh event stream.
 */
@RestController
@RequestMapping("/player/v1")
class PlayerApiController {

    static final CacheControl CONTENT_CACHE = CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable();

    private final DeviceRegistry registry;
    private final DeviceSchedules schedules;
    private final ProofOfPlayLedger ledger;
    private final PlayerEvents events;
    private final FileStore files;
    private final RateLimits limits;

    PlayerApiController(DeviceRegistry registry, DeviceSchedules schedules, ProofOfPlayLedger ledger, PlayerEvents events,
                        FileStore files, RateLimits limits) {
        this.registry = registry;
        this.schedules = schedules;
        this.ledger = ledger;
        this.events = events;
        this.files = files;
        this.limits = limits;
    }

    // ------------------------------------------------------------------ pairing (anonymous)

    @PostMapping("/pairings")
    ResponseEntity<Map<String, Object>> startPairing(HttpServletRequest request) {
        limits.acquire("signage.pairing", request.getRemoteAddr(), 30, Duration.ofMinutes(10));
        DeviceRegistry.PairingStarted p = registry.startPairing(request.getRemoteAddr());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", p.code());
        body.put("secret", p.secret());
        body.put("expiresAt", p.expiresAt().toString());
        body.put("pollSeconds", 3);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(body);
    }

    record ClaimRequest(String secret) {
    }

    @PostMapping("/pairings/claim")
    ResponseEntity<Map<String, Object>> claim(@RequestBody ClaimRequest request, HttpServletRequest http) {
        limits.acquire("signage.pairing-claim", http.getRemoteAddr(), 600, Duration.ofMinutes(10));
        DeviceRegistry.Claim claim = registry.claim(request == null ? null : request.secret());
        Map<String, Object> body = new LinkedHashMap<>();
        if (claim instanceof DeviceRegistry.Claim.Granted g) {
            body.put("status", "PAIRED");
            body.put("token", g.token());
            body.put("deviceId", g.deviceId());
            body.put("code", g.code());
            body.put("name", g.name());
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
        }
        DeviceRegistry.Claim.Pending pending = (DeviceRegistry.Claim.Pending) claim;
        body.put("status", "PENDING");
        body.put("expiresAt", pending.expiresAt().toString());
        return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore()).body(body);
    }

    // ------------------------------------------------------------------ schedule: see ScheduleEndpoint

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || c.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ content

    /**
     * Media of approved content by SHA-256: immutable, cached for a year, byte ranges supported (206/416
     * by Spring MVC's resource handling), 304 on a matching {@code If-None-Match}.
     */
    @GetMapping("/content/{sha256:[0-9a-f]{64}}")
    ResponseEntity<Resource> content(@PathVariable String sha256,
                                     @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        String type = schedules.snapshot().files().get(sha256);
        if (type == null) {
            throw DomainException.notFound("콘텐츠 파일", sha256);
        }
        String etag = "\"" + sha256 + "\"";
        if (matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CONTENT_CACHE).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(CONTENT_CACHE)
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .contentType(MediaType.parseMediaType(type))
                .body(new FileSystemResource(files.path(sha256)));
    }

    // ------------------------------------------------------------------ heartbeat, proof of play, screenshots

    record HeartbeatRequest(String playerVersion, Instant deviceTime) {
    }

    @PostMapping("/heartbeat")
    ResponseEntity<Map<String, Object>> heartbeat(@AuthenticationPrincipal DevicePrincipal device,
                                                  @RequestBody(required = false) HeartbeatRequest request,
                                                  HttpServletRequest http) {
        DeviceRegistry.HeartbeatReply reply = registry.heartbeat(device.deviceId(), http.getRemoteAddr(),
                request == null ? null : request.playerVersion(), request == null ? null : request.deviceTime());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serverTime", reply.serverTime().toString());
        body.put("screenshotRequested", reply.screenshotRequested());
        body.put("scheduleEtag", schedules.forDevice(device.deviceId()).map(ScheduleDocument::etag).orElse(null));
        body.put("device", Map.of("id", device.deviceId(), "code", reply.code(), "name", reply.name()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    @PostMapping("/proof-of-play")
    ResponseEntity<ProofOfPlayLedger.Receipt> proofOfPlay(@AuthenticationPrincipal DevicePrincipal device,
                                                          @RequestBody ProofOfPlayLedger.Batch batch) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ledger.record(device.deviceId(), batch));
    }

    @PostMapping(value = "/screenshots", consumes = {MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE})
    ResponseEntity<Map<String, Object>> screenshot(@AuthenticationPrincipal DevicePrincipal device, InputStream body)
            throws IOException {
        String sha = registry.storeScreenshot(device.deviceId(), body);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(Map.of("sha256", sha));
    }

    @GetMapping(value = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@AuthenticationPrincipal DevicePrincipal device) {
        return events.connect(device.deviceId());
    }

    /** A player that went away mid-stream (closed event stream, aborted download): nothing to answer. */
    @ExceptionHandler({AsyncRequestNotUsableException.class, IOException.class})
    void clientGone() {
        // the connection is closed; there is no one to send a problem document to
    }
}
