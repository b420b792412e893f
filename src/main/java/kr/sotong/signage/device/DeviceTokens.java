package kr.sotong.signage.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.sotong.signage.config.SignageProperties;
import org.springframework.stereotype.Component;

/**
 * Device tokens ({@code sdt_} + 43 characters): made here, stored only as SHA-256, checked on every
 * player request against a small in-memory cache so that 10,000 polling devices cost no database
 * round trip. Revocation on this node takes effect at once; other nodes drop their cached entry after
 * {@code sotong.signage.token-cache-ttl}.
 */
@Component
public class DeviceTokens {

    public static final String PREFIX = "sdt_";

    public enum Outcome { OK, UNKNOWN, REVOKED, RETIRED }

    public record Check(Outcome outcome, long deviceId, String code) {
    }

    private record Entry(Check check, Instant loadedAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<MessageDigest> SHA = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final Devices devices;
    private final Clock clock;
    private final long ttlMillis;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public DeviceTokens(Devices devices, Clock clock, SignageProperties properties) {
        this.devices = devices;
        this.clock = clock;
        this.ttlMillis = properties.tokenCacheTtl().toMillis();
    }

    public static String newToken() {
        return PREFIX + random(32);
    }

    public static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String hash(String raw) {
        MessageDigest md = SHA.get();
        md.reset();
        return HexFormat.of().formatHex(md.digest(raw.getBytes(StandardCharsets.UTF_8)));
    }

    public Check check(String raw) {
        if (raw == null || !raw.startsWith(PREFIX) || raw.length() != PREFIX.length() + 43) {
            return new Check(Outcome.UNKNOWN, 0, null);
        }
        String h = hash(raw);
        Instant now = clock.instant();
        Entry e = cache.get(h);
        if (e != null && now.toEpochMilli() - e.loadedAt().toEpochMilli() < ttlMillis) {
            return e.check();
        }
        Check c = devices.findByTokenHash(h).map(d -> new Check(
                d.status() == Device.Status.RETIRED ? Outcome.RETIRED
                        : d.tokenRevokedAt() != null ? Outcome.REVOKED : Outcome.OK, d.id(), d.code()))
                .orElse(new Check(Outcome.UNKNOWN, 0, null));
        if (c.outcome() != Outcome.UNKNOWN) {
            cache.put(h, new Entry(c, now)); // unknown tokens are not cached: nobody can fill the map
        }
        return c;
    }

    /** Forget cached lookups of a device (after revocation, retirement or a new pairing). */
    public void forget(long deviceId) {
        cache.values().removeIf(e -> e.check().deviceId() == deviceId);
    }
}
