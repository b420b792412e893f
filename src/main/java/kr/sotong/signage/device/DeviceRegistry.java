package kr.sotong.signage.device;

import java.io.InputStream;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.platform.StoredFile;
import kr.sotong.platform.UploadPolicy;
import kr.sotong.shared.DomainException;
import kr.sotong.signage.config.SignageAccess;
import kr.sotong.signage.config.SignageProperties;
import kr.sotong.signage.schedule.ScheduleChanges;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The device registry (기기 관리): registration, pairing by a code shown on the player, tokens,
 * heartbeats and last-seen, screenshots on request, retirement. Staff use cases carry their role
 * check; player use cases are called by the player API with an authenticated device.
 */
@Service
public class DeviceRegistry {

    /** Pairing code alphabet without look-alikes (0/O, 1/I/L). */
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long MAX_SCREENSHOT = 8L * 1024 * 1024;

    private final Devices devices;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SignageProperties properties;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final ScheduleChanges changes;
    private final ApplicationEventPublisher events;
    private final FileStore files;
    private final UploadPolicy uploads;

    public DeviceRegistry(Devices devices, JdbcClient jdbc, Clock clock, SignageProperties properties,
                          AuditLog audit, StaffDirectory staff, ScheduleChanges changes, ApplicationEventPublisher events,
                          FileStore files, UploadPolicy uploads) {
        this.devices = devices;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.audit = audit;
        this.staff = staff;
        this.changes = changes;
        this.events = events;
        this.files = files;
        this.uploads = uploads;
    }

    // ------------------------------------------------------------------ staff: registry

    @PreAuthorize(SignageAccess.READ)
    @Transactional(readOnly = true)
    public List<Device> list(DeviceFilter filter) {
        return devices.list(filter);
    }

    @PreAuthorize(SignageAccess.READ)
    @Transactional(readOnly = true)
    public long count(DeviceFilter filter) {
        return devices.count(filter);
    }

    @PreAuthorize(SignageAccess.READ)
    @Transactional(readOnly = true)
    public Device get(long id) {
        return devices.require(id);
    }

    /** Registers a device; a blank code gets the next free one of its kind (MB-0001 …). */
    @PreAuthorize(SignageAccess.EDIT)
    @Transactional
    public Device register(String code, DeviceAttributes attributes) {
        String c = code == null || code.isBlank() ? devices.nextCode(attributes.kind()) : normaliseCode(code);
        if (devices.codeExists(c)) {
            throw DomainException.conflict("signage.device.code-taken", "이미 쓰는 기기 코드입니다: " + c, c);
        }
        Device d = devices.insert(Device.register(c, attributes, clock.instant()));
        audit.record("signage.device.register", "SignageDevice", d.id(), c + " " + d.name() + " 등록 ("
                + d.kind().label() + ")");
        changes.changed("device registered");
        return d;
    }

    @PreAuthorize(SignageAccess.EDIT)
    @Transactional
    public Device update(long id, int version, DeviceAttributes attributes) {
        Device d = devices.require(id);
        if (d.version() != version) {
            throw DomainException.conflict("signage.device.stale", "다른 사용자가 먼저 이 기기를 고쳤습니다. 새로 고친 뒤 다시 저장하세요.");
        }
        d.update(attributes, clock.instant());
        devices.update(d);
        audit.record("signage.device.update", "SignageDevice", id, d.code() + " 정보 수정");
        changes.changed("device updated");
        return d;
    }

    @PreAuthorize(SignageAccess.EDIT)
    @Transactional
    public void revokeToken(long id) {
        Device d = devices.require(id);
        d.revokeToken(clock.instant());
        devices.update(d);
        audit.record("signage.device.revoke", "SignageDevice", id, d.code() + " 인증 토큰 취소");
        events.publishEvent(new DeviceSignals.TokenRevoked(id));
        changes.changed("device token revoked");
    }

    @PreAuthorize(SignageAccess.EDIT)
    @Transactional
    public void retire(long id) {
        Device d = devices.require(id);
        d.retire(clock.instant());
        devices.update(d);
        audit.record("signage.device.retire", "SignageDevice", id, d.code() + " 철거 처리");
        events.publishEvent(new DeviceSignals.TokenRevoked(id));
        changes.changed("device retired");
    }

    @PreAuthorize(SignageAccess.EDIT)
    @Transactional
    public void requestScreenshot(long id) {
        Device d = devices.require(id);
        d.requestScreenshot(clock.instant());
        devices.update(d);
        audit.record("signage.device.screenshot", "SignageDevice", id, d.code() + " 스크린샷 요청");
        events.publishEvent(new DeviceSignals.ScreenshotRequested(id));
    }

    /**
     * Issues a token directly, for players that cannot show a pairing code (provisioned by a technician).
     * The token is returned once and stored only as a hash; a previous token stops working.
     */
    @PreAuthorize(SignageAccess.EDIT)
    @Transactional
    public String issueToken(long id) {
        Device d = devices.require(id);
        String raw = DeviceTokens.newToken();
        d.issueToken(DeviceTokens.hash(raw), clock.instant());
        devices.update(d);
        audit.record("signage.device.token", "SignageDevice", id, d.code() + " 인증 토큰 직접 발급");
        changes.changed("device token issued");
        return raw;
    }

    // ------------------------------------------------------------------ pairing

    /** What a new player shows: the code for staff, the secret it keeps to claim its token. */
    public record PairingStarted(String code, String secret, Instant expiresAt) {
    }

    /** A player asks for a pairing code (anonymous; rate-limited by the caller). */
    @Transactional
    public PairingStarted startPairing(String requesterIp) {
        Instant now = clock.instant();
        jdbc.sql("delete from signage_pairing where expires_at < :old and claimed_at is null")
                .param("old", Timestamp.from(now.minus(Duration.ofDays(1)))).update();
        String secret = DeviceTokens.random(32);
        Instant expires = now.plus(properties.pairingCodeLifetime());
        for (int attempt = 0; attempt < 5; attempt++) {
            String code = newCode();
            int n = jdbc.sql("""
                            insert into signage_pairing (code, secret_hash, created_at, expires_at, requester_ip)
                            values (:code, :secret, :created, :expires, :ip) on conflict do nothing""")
                    .param("code", code).param("secret", DeviceTokens.hash(secret))
                    .param("created", Timestamp.from(now)).param("expires", Timestamp.from(expires))
                    .param("ip", requesterIp).update();
            if (n == 1) {
                return new PairingStarted(display(code), secret, expires);
            }
            // another open pairing holds this code: draw again
        }
        throw new IllegalStateException("could not draw a free pairing code");
    }

    /** Staff attach the player showing {@code code} to a device; the player then claims its token. */
    @PreAuthorize(SignageAccess.EDIT)
    @Transactional
    public Device pair(String code, long deviceId) {
        String normalised = normalisePairingCode(code);
        Device d = devices.require(deviceId);
        if (d.status() == Device.Status.RETIRED) {
            throw DomainException.conflict("signage.device.retired", "철거 처리된 기기에는 연결할 수 없습니다: " + d.code());
        }
        Instant now = clock.instant();
        int n = jdbc.sql("""
                        update signage_pairing set device_id = :device, paired_by = :by, paired_at = :now
                        where code = :code and claimed_at is null and expires_at > :now and device_id is null""")
                .param("device", deviceId).param("by", staff.currentActor()).param("now", Timestamp.from(now))
                .param("code", normalised).update();
        if (n != 1) {
            throw new DomainException("signage.pairing.unknown-code",
                    "페어링 코드를 찾을 수 없거나 만료되었습니다: " + display(normalised)
                            + ". 플레이어 화면에 표시된 최신 코드를 입력하세요.");
        }
        audit.record("signage.device.pair", "SignageDevice", deviceId, d.code() + "에 플레이어 연결(코드 " + display(normalised) + ")");
        return d;
    }

    public sealed interface Claim permits Claim.Pending, Claim.Granted {
        record Pending(Instant expiresAt) implements Claim {
        }

        record Granted(String token, long deviceId, String code, String name) implements Claim {
        }
    }

    /** The player asks whether staff paired its code yet; the token is handed out exactly once. */
    @Transactional
    public Claim claim(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            throw new DomainException("signage.pairing.bad-secret", "페어링 요청 값이 올바르지 않습니다.");
        }
        Instant now = clock.instant();
        record Row(long id, Long deviceId, Instant expiresAt, Instant claimedAt) {
        }
        Row row = jdbc.sql("""
                        select id, device_id, expires_at, claimed_at from signage_pairing where secret_hash = :h
                        for update""")
                .param("h", DeviceTokens.hash(secret))
                .query((rs, i) -> new Row(rs.getLong(1), (Long) rs.getObject(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional().orElseThrow(() -> DomainException.notFound("페어링 요청", "-"));
        if (row.claimedAt() != null) {
            throw DomainException.conflict("signage.pairing.claimed", "이 페어링 코드는 이미 사용되었습니다. 새 코드를 받으세요.");
        }
        if (row.deviceId() == null) {
            if (!row.expiresAt().isAfter(now)) {
                throw DomainException.conflict("signage.pairing.expired", "페어링 코드가 만료되었습니다. 새 코드를 받으세요.");
            }
            return new Claim.Pending(row.expiresAt());
        }
        Device d = devices.require(row.deviceId());
        String raw = DeviceTokens.newToken();
        boolean replaced = d.hasValidToken();
        d.issueToken(DeviceTokens.hash(raw), now);
        devices.update(d);
        jdbc.sql("update signage_pairing set claimed_at = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", row.id()).update();
        audit.recordAs("device:" + d.code(), "signage.device.token", "SignageDevice", d.id(),
                d.code() + " 페어링 완료, 인증 토큰 발급" + (replaced ? " (이전 플레이어 인증 취소)" : ""));
        if (replaced) {
            events.publishEvent(new DeviceSignals.TokenRevoked(d.id()));
        }
        changes.changed("device paired");
        return new Claim.Granted(raw, d.id(), d.code(), d.name());
    }

    // ------------------------------------------------------------------ player: heartbeat, screenshots

    public record HeartbeatReply(Instant serverTime, boolean screenshotRequested, String code, String name) {
    }

    /**
     * A player's heartbeat: last seen, address, version, its clock offset, and the minute for uptime.
     *
     * @param deviceTime the player's clock when it sent the heartbeat (null if unknown)
     */
    @Transactional
    public HeartbeatReply heartbeat(long deviceId, String ip, String playerVersion, Instant deviceTime) {
        Instant now = clock.instant();
        Long skew = deviceTime == null ? null : Duration.between(now, deviceTime).toMillis();
        String version = playerVersion == null ? null : playerVersion.substring(0, Math.min(100, playerVersion.length()));
        devices.recordHeartbeat(deviceId, now, ip, version, skew);
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        long bit = 1L << (int) (Duration.between(hour, now).toMinutes());
        jdbc.sql("""
                        insert into signage_device_uptime (device_id, hour_start, minute_mask) values (:d, :h, :b)
                        on conflict (device_id, hour_start) do update
                        set minute_mask = signage_device_uptime.minute_mask | excluded.minute_mask""")
                .param("d", deviceId).param("h", Timestamp.from(hour)).param("b", bit).update();
        Device d = devices.require(deviceId);
        return new HeartbeatReply(now, d.screenshotRequestedAt() != null, d.code(), d.name());
    }

    /** Stores what the player was rendering (PNG or JPEG) and clears the request. */
    @Transactional
    public String storeScreenshot(long deviceId, InputStream content) {
        Device d = devices.require(deviceId);
        StoredFile f = files.store(content, d.code() + "-screenshot.png", MAX_SCREENSHOT);
        uploads.check(f, Set.of("image/png", "image/jpeg"));
        d.screenshotReceived(f.sha256(), clock.instant());
        devices.update(d);
        audit.recordAs("device:" + d.code(), "signage.device.screenshot-received", "SignageDevice", deviceId,
                d.code() + " 스크린샷 수신");
        return f.sha256();
    }

    // ------------------------------------------------------------------ figures

    public record FleetTarget(DeviceKind kind, int planned, String source) {
    }

    @Transactional(readOnly = true)
    public List<FleetTarget> fleetTargets() {
        return jdbc.sql("select kind, planned_count, source from signage_fleet_target")
                .query((rs, i) -> new FleetTarget(DeviceKind.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3)))
                .list().stream().sorted(java.util.Comparator.comparing(FleetTarget::kind)).toList();
    }

    @Transactional(readOnly = true)
    public List<Devices.Census> census() {
        return devices.census(clock.instant().minus(properties.offlineAfter()));
    }

    @Transactional(readOnly = true)
    public List<String> groups() {
        return devices.allGroups();
    }

    @Transactional(readOnly = true)
    public List<String> tags() {
        return devices.allTags();
    }

    public Duration offlineAfter() {
        return properties.offlineAfter();
    }

    public Instant now() {
        return clock.instant();
    }

    public Optional<Device> findByCode(String code) {
        return devices.findByCode(normaliseCode(code));
    }

    // ------------------------------------------------------------------ helpers

    static String normaliseCode(String code) {
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (!c.matches("[A-Z0-9][A-Z0-9-]{0,39}")) {
            throw new DomainException("signage.device.bad-code",
                    "기기 코드는 영문 대문자, 숫자, 하이픈(-)으로 40자 이내여야 합니다: " + code);
        }
        return c;
    }

    static String normalisePairingCode(String code) {
        String c = code == null ? "" : code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (c.length() != 6) {
            throw new DomainException("signage.pairing.bad-code",
                    "페어링 코드는 플레이어 화면에 보이는 6자리(예: K7M-2QX)입니다.");
        }
        return c;
    }

    private static String newCode() {
        char[] c = new char[6];
        for (int i = 0; i < c.length; i++) {
            c[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
        }
        return new String(c);
    }

    static String display(String code) {
        return code.length() == 6 ? code.substring(0, 3) + "-" + code.substring(3) : code;
    }
}
