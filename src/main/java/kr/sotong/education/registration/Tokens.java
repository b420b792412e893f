package kr.sotong.education.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Random one-time links for residents (claim a seat, answer a survey); only SHA-256 hashes are stored. */
@Repository
public class Tokens {

    public enum Purpose { CLAIM, SURVEY }

    public record Token(String hash, Purpose purpose, long registrationId, Instant expiresAt, Instant usedAt) {
        public boolean usable(Instant now) {
            return usedAt == null && now.isBefore(expiresAt);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    Tokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String issue(Purpose purpose, long registrationId, Instant now, Instant expiresAt) {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        jdbc.sql("""
                        insert into education_token (token_hash, purpose, registration_id, created_at, expires_at)
                        values (:h, :p, :r, :now, :exp)""")
                .param("h", hash(raw)).param("p", purpose.name()).param("r", registrationId)
                .param("now", Timestamp.from(now)).param("exp", Timestamp.from(expiresAt)).update();
        return raw;
    }

    public Optional<Token> find(String raw, Purpose purpose) {
        if (raw == null || !raw.matches("[A-Za-z0-9_-]{20,64}")) {
            return Optional.empty();
        }
        return jdbc.sql("select * from education_token where token_hash = :h and purpose = :p")
                .param("h", hash(raw)).param("p", purpose.name())
                .query((rs, i) -> new Token(rs.getString("token_hash"), Purpose.valueOf(rs.getString("purpose")),
                        rs.getLong("registration_id"), rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant()))
                .optional();
    }

    public void use(String hash, Instant now) {
        jdbc.sql("update education_token set used_at = :now where token_hash = :h and used_at is null")
                .param("now", Timestamp.from(now)).param("h", hash).update();
    }

    /** Retires open tokens of a registration (e.g. the claim link after cancelling). */
    public void retire(long registrationId, Purpose purpose, Instant now) {
        jdbc.sql("update education_token set used_at = :now where registration_id = :r and purpose = :p and used_at is null")
                .param("now", Timestamp.from(now)).param("r", registrationId).param("p", purpose.name()).update();
    }

    static String hash(String raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
