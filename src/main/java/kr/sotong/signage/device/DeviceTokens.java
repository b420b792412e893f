package kr.sotong.signage.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import kr.sotong.signage.schedule.DeviceProfile;
import kr.sotong.signage.schedule.DeviceSchedules;
import kr.sotong.signage.schedule.ScheduleSnapshot;
import org.springframework.stereotype.Component;

/**
 * Device tokens ({@code sdt_} + 43 characters): made here, stored only as SHA-256, checked on every
 * player request against the valid token hashes held by the schedule snapshot, so that 10,000 polling
 * devices cost no database round trip. Issuing, revoking and retiring bump the schedule version, so
 * every node's snapshot follows within the version poll (at once on the node that made the change); a
 * hash the snapshot does not know is looked up in the database (new on another node, revoked, unknown).
 */
@Component
public class DeviceTokens {

    public static final String PREFIX = "sdt_";

    public enum Outcome { OK, UNKNOWN, REVOKED, RETIRED }

    public record Check(Outcome outcome, long deviceId, String code) {
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
    private final DeviceSchedules schedules;

    public DeviceTokens(Devices devices, DeviceSchedules schedules) {
        this.devices = devices;
        this.schedules = schedules;
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
        ScheduleSnapshot s = schedules.snapshot();
        Long id = s.tokens().get(h);
        if (id != null) {
            DeviceProfile d = s.devices().get(id);
            if (d != null) {
                return new Check(Outcome.OK, id, d.code());
            }
        }
        // not (yet) in this node's snapshot: a token issued on another node a moment ago, or a bad one
        return devices.findByTokenHash(h).map(d -> new Check(
                        d.status() == Device.Status.RETIRED ? Outcome.RETIRED
                                : d.tokenRevokedAt() != null ? Outcome.REVOKED : Outcome.OK, d.id(), d.code()))
                .orElse(new Check(Outcome.UNKNOWN, 0, null));
    }
}
