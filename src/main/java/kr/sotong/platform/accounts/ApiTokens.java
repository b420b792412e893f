package kr.sotong.platform.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.StaffMember;
import kr.sotong.platform.config.PlatformProperties;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for the REST API: short-lived tokens issued to a staff member who presents username and
 * password, and long-lived integration tokens issued by ADMIN. Only SHA-256 hashes are stored.
 */
@Service
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final Duration sessionLifetime;
    private final AuditLog audit;
    /** Hash compared against when the user is unknown (equal timing); made on first need, not at start-up. */
    private volatile String dummyHash;

    ApiTokens(JdbcClient jdbc, Accounts accounts, PasswordEncoder encoder, Clock clock, PlatformProperties properties,
              AuditLog audit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
        this.sessionLifetime = properties.security().accessTokenLifetime();
        this.audit = audit;
    }

    private String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            h = encoder.encode("timing-equaliser");
            dummyHash = h;
        }
        return h;
    }

    public record Issued(String token, Instant expiresAt) {
    }

    public record TokenInfo(long id, String username, String kind, String label, String prefix, Instant createdAt,
                            Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
    }

    /** Checks the credentials (counting failures like the login form) and issues a short-lived token. */
    @Transactional(noRollbackFor = DomainException.class)
    public Issued issueForCredentials(String username, String password, int maxFailed, Duration lockout) {
        String u = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        Account a = accounts.findByUsername(u).orElse(null);
        Instant now = clock.instant();
        if (a == null || !a.isEnabled()) {
            encoder.matches(password == null ? "" : password, dummyHash());
            throw DomainException.unauthenticated("아이디 또는 비밀번호가 맞지 않습니다.");
        }
        if (a.isLocked(now)) {
            throw DomainException.rateLimited("로그인 실패가 반복되어 계정이 잠겼습니다. 잠시 후 다시 시도하세요.");
        }
        if (!encoder.matches(password == null ? "" : password, a.getPasswordHash())) {
            accounts.recordFailure(u, maxFailed, now.plus(lockout));
            throw DomainException.unauthenticated("아이디 또는 비밀번호가 맞지 않습니다.");
        }
        accounts.recordSuccess(u, now);
        if (a.isMustChangePassword()) {
            throw DomainException.forbidden("임시 비밀번호입니다. 먼저 웹 화면에서 비밀번호를 변경하세요.");
        }
        return issue(a.getId(), "SESSION", null, now.plus(sessionLifetime));
    }

    /** ADMIN: a long-lived token for an integration, acting as {@code accountId}. */
    @Transactional
    public Issued issueIntegrationToken(long accountId, String label, Duration lifetime) {
        if (label == null || label.isBlank()) {
            throw new DomainException("token.label.required", "토큰 용도를 입력해 주세요.");
        }
        Instant expires = lifetime == null ? null : clock.instant().plus(lifetime);
        Issued issued = issue(accountId, "INTEGRATION", label.strip(), expires);
        audit.record("api-token.issue", "ApiToken", accountId, "연동 토큰 발급: " + label);
        return issued;
    }

    @Transactional
    public void revoke(long tokenId) {
        jdbc.sql("update platform_api_token set revoked_at = :at where id = :id and revoked_at is null")
                .param("at", Timestamp.from(clock.instant())).param("id", tokenId).update();
        audit.record("api-token.revoke", "ApiToken", tokenId, "토큰 폐기");
    }

    @Transactional(readOnly = true)
    public List<TokenInfo> integrationTokens() {
        return jdbc.sql("""
                        select t.id, a.username, t.kind, t.label, t.prefix, t.created_at, t.expires_at, t.revoked_at, t.last_used_at
                          from platform_api_token t join platform_account a on a.id = t.account_id
                         where t.kind = 'INTEGRATION' order by t.id desc""")
                .query((rs, i) -> new TokenInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), ts(rs.getTimestamp(6)), ts(rs.getTimestamp(7)), ts(rs.getTimestamp(8)),
                        ts(rs.getTimestamp(9))))
                .list();
    }

    /** How stale {@code last_used_at} may get before a request refreshes it (a write per request would serialise them). */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    /**
     * Resolves a presented token to its principal, if valid now. A read; {@code last_used_at} is written only when it is
     * more than {@link #LAST_USED_RESOLUTION} old, so parallel requests with one token do not queue on its row. No
     * transaction: one statement (two when {@code last_used_at} is refreshed), each on its own.
     */
    public Optional<StaffPrincipal> authenticate(String rawToken) {
        if (rawToken == null || rawToken.length() < 20 || rawToken.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = sha256(rawToken);
        record Valid(StaffPrincipal principal, Timestamp lastUsed) {
        }
        // one query for the token, its account and the account's roles (this runs on every API request)
        Optional<Valid> valid = jdbc.sql("""
                        select t.last_used_at, a.id, a.username, a.display_name, a.email, a.team_code, a.team_lead, a.enabled,
                               a.must_change_password, a.locked_until,
                               (select string_agg(r.role, ',') from platform_account_role r where r.account_id = a.id) roles
                          from platform_api_token t join platform_account a on a.id = t.account_id
                         where t.token_hash = :h and t.revoked_at is null and (t.expires_at is null or t.expires_at > :now)""")
                .param("now", Timestamp.from(now)).param("h", hash)
                .query((rs, i) -> {
                    String roles = rs.getString("roles");
                    StaffMember m = new StaffMember(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                            rs.getString("email"), rs.getString("team_code"), rs.getBoolean("team_lead"), rs.getBoolean("enabled"),
                            roles == null || roles.isEmpty() ? Set.of() : Set.of(roles.split(",")));
                    Timestamp lockedUntil = rs.getTimestamp("locked_until");
                    boolean locked = lockedUntil != null && lockedUntil.toInstant().isAfter(now);
                    return new Valid(new StaffPrincipal(m, null, locked, rs.getBoolean("must_change_password")),
                            rs.getTimestamp("last_used_at"));
                }).optional();
        valid.filter(v -> v.lastUsed() == null || v.lastUsed().toInstant().isBefore(now.minus(LAST_USED_RESOLUTION)))
                .ifPresent(v -> jdbc.sql("""
                                update platform_api_token set last_used_at = :now
                                 where token_hash = :h and (last_used_at is null or last_used_at < :stale)""")
                        .param("now", Timestamp.from(now)).param("h", hash)
                        .param("stale", Timestamp.from(now.minus(LAST_USED_RESOLUTION))).update());
        return valid.map(Valid::principal).filter(p -> p.member().enabled()).filter(StaffPrincipal::isAccountNonLocked);
    }

    private Issued issue(long accountId, String kind, String label, Instant expires) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "st_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        insert into platform_api_token (token_hash, account_id, kind, label, prefix, created_at, expires_at)
                        values (:h, :a, :k, :l, :p, :c, :e)""")
                .param("h", sha256(token)).param("a", accountId).param("k", kind).param("l", label)
                .param("p", token.substring(0, 10)).param("c", Timestamp.from(clock.instant()))
                .param("e", expires == null ? null : Timestamp.from(expires))
                .update();
        return new Issued(token, expires);
    }

    private static Instant ts(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
