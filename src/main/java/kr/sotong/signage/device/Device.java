package kr.sotong.signage.device;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import kr.sotong.shared.DomainException;

/**
 * A media board, signage screen or the media wall. Guards its own transitions: a token is issued when a
 * player is paired, revoked by staff or when the device is retired; screenshots can be requested only
 * from a device with a valid token.
 */
public class Device {

    public enum Status { ACTIVE, RETIRED }

    /** What staff see in lists. */
    public enum Condition {
        UNPAIRED("페어링 대기"), ONLINE("온라인"), OFFLINE("오프라인"), REVOKED("인증 취소"), RETIRED("철거");

        private final String label;

        Condition(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    Long id;
    String code;
    String name;
    DeviceKind kind;
    String building = "";
    String place = "";
    String dong = "";
    Orientation orientation;
    int width;
    int height;
    Set<String> groups = Set.of();
    Set<String> tags = Set.of();
    Status status = Status.ACTIVE;
    String tokenHash;
    Instant tokenIssuedAt;
    Instant tokenRevokedAt;
    Instant pairedAt;
    Instant lastSeenAt;
    String lastIp;
    String playerVersion;
    Long clockSkewMs;
    Instant offlineAlertedAt;
    Instant screenshotRequestedAt;
    String screenshotSha256;
    Instant screenshotAt;
    String note = "";
    Instant createdAt;
    Instant updatedAt;
    int version;

    Device() {
    }

    static Device register(String code, DeviceAttributes a, Instant now) {
        Device d = new Device();
        d.code = code;
        d.apply(a);
        d.createdAt = now;
        d.updatedAt = now;
        return d;
    }

    void update(DeviceAttributes a, Instant now) {
        requireActive();
        apply(a);
        updatedAt = now;
    }

    private void apply(DeviceAttributes a) {
        name = a.name();
        kind = a.kind();
        building = a.building();
        place = a.place();
        dong = a.dong();
        orientation = a.orientation();
        width = a.width();
        height = a.height();
        groups = new TreeSet<>(a.groups());
        tags = new TreeSet<>(a.tags());
        note = a.note();
    }

    /** A newly paired player gets the token; any previous player's token stops working. */
    void issueToken(String hash, Instant now) {
        requireActive();
        tokenHash = hash;
        tokenIssuedAt = now;
        tokenRevokedAt = null;
        pairedAt = now;
        offlineAlertedAt = null;
        updatedAt = now;
    }

    void revokeToken(Instant now) {
        if (!hasValidToken()) {
            throw DomainException.conflict("signage.device.no-token", "이 기기에는 취소할 유효한 인증 토큰이 없습니다.");
        }
        tokenRevokedAt = now;
        screenshotRequestedAt = null;
        updatedAt = now;
    }

    void retire(Instant now) {
        requireActive();
        if (hasValidToken()) {
            tokenRevokedAt = now;
        }
        status = Status.RETIRED;
        updatedAt = now;
    }

    void requestScreenshot(Instant now) {
        requireActive();
        if (!hasValidToken()) {
            throw DomainException.conflict("signage.device.not-paired",
                    "페어링된 플레이어가 없어 스크린샷을 요청할 수 없습니다.");
        }
        screenshotRequestedAt = now;
        updatedAt = now;
    }

    void screenshotReceived(String sha256, Instant now) {
        screenshotSha256 = sha256;
        screenshotAt = now;
        screenshotRequestedAt = null;
    }

    private void requireActive() {
        if (status == Status.RETIRED) {
            throw DomainException.conflict("signage.device.retired", "철거 처리된 기기는 바꿀 수 없습니다: " + code);
        }
    }

    public boolean hasValidToken() {
        return tokenHash != null && tokenRevokedAt == null && status == Status.ACTIVE;
    }

    public Condition condition(Instant now, Duration offlineAfter) {
        if (status == Status.RETIRED) {
            return Condition.RETIRED;
        }
        if (tokenHash == null) {
            return Condition.UNPAIRED;
        }
        if (tokenRevokedAt != null) {
            return Condition.REVOKED;
        }
        Instant seen = lastSeenAt != null ? lastSeenAt : pairedAt;
        return seen != null && seen.plus(offlineAfter).isAfter(now) ? Condition.ONLINE : Condition.OFFLINE;
    }

    public Long id() { return id; }
    public String code() { return code; }
    public String name() { return name; }
    public DeviceKind kind() { return kind; }
    public String building() { return building; }
    public String place() { return place; }
    public String dong() { return dong; }
    public Orientation orientation() { return orientation; }
    public int width() { return width; }
    public int height() { return height; }
    public Set<String> groups() { return groups; }
    public Set<String> tags() { return tags; }
    public Status status() { return status; }
    public Instant tokenIssuedAt() { return tokenIssuedAt; }
    public Instant tokenRevokedAt() { return tokenRevokedAt; }
    public Instant pairedAt() { return pairedAt; }
    public Instant lastSeenAt() { return lastSeenAt; }
    public String lastIp() { return lastIp; }
    public String playerVersion() { return playerVersion; }
    public Long clockSkewMs() { return clockSkewMs; }
    public Instant offlineAlertedAt() { return offlineAlertedAt; }
    public Instant screenshotRequestedAt() { return screenshotRequestedAt; }
    public String screenshotSha256() { return screenshotSha256; }
    public Instant screenshotAt() { return screenshotAt; }
    public String note() { return note; }
    public Instant createdAt() { return createdAt; }
    public int version() { return version; }

    public String resolution() {
        return width + "×" + height;
    }
}
