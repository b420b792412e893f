package kr.sotong.newsletter.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import kr.sotong.platform.OneTimeCodes;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.platform.RateLimits;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.EmailAddress;
import kr.sotong.shared.Masking;
import kr.sotong.shared.PhoneNumber;
import org.springframework.stereotype.Component;

/**
 * Residents prove they hold a phone number or e-mail address with a one-time code (platform
 * {@link OneTimeCodes}); requests are rate-limited per client address ({@link RateLimits}). The proof is
 * kept in the session for 30 minutes, per purpose.
 */
@Component
public class ResidentVerification {

    static final Duration VALID_FOR = Duration.ofMinutes(30);

    /** A verified contact: the normalised value (digits or lower-case e-mail) and its keyed hash. */
    public record Verified(String contact, String lookupHash, String masked, Instant at) implements Serializable {
    }

    private final OneTimeCodes codes;
    private final RateLimits limits;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    public ResidentVerification(OneTimeCodes codes, RateLimits limits, PersonalDataCipher cipher, Clock clock) {
        this.codes = codes;
        this.limits = limits;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Phone digits or a lower-case e-mail address; Korean error when it is neither. */
    public static String normalise(String contact) {
        String c = contact == null ? "" : contact.strip();
        if (c.contains("@")) {
            return EmailAddress.normalise(c);
        }
        PhoneNumber p = PhoneNumber.parse(c);
        if (!p.isMobile()) {
            throw new DomainException("newsletter.contact.mobile", "휴대전화 번호나 이메일 주소를 입력해 주세요.");
        }
        return p.digits();
    }

    public static String mask(String normalised) {
        return normalised.contains("@") ? Masking.email(normalised) : Masking.phone(normalised);
    }

    public OneTimeCodes.Issued sendCode(String purpose, String contact, HttpServletRequest request) {
        limits.acquire("newsletter.otp", clientKey(request), 10, Duration.ofMinutes(10));
        return codes.issue(purpose, normalise(contact));
    }

    public Verified verify(String purpose, String contact, String code, HttpServletRequest request) {
        limits.acquire("newsletter.otp-verify", clientKey(request), 30, Duration.ofMinutes(10));
        String normalised = normalise(contact);
        codes.verify(purpose, normalised, code);
        Verified v = new Verified(normalised, cipher.lookupHash(normalised), mask(normalised), clock.instant());
        request.getSession(true).setAttribute(key(purpose), v);
        return v;
    }

    public Optional<Verified> current(String purpose, HttpSession session) {
        if (session == null) {
            return Optional.empty();
        }
        Object v = session.getAttribute(key(purpose));
        if (v instanceof Verified verified && verified.at().plus(VALID_FOR).isAfter(clock.instant())) {
            return Optional.of(verified);
        }
        return Optional.empty();
    }

    public void forget(String purpose, HttpSession session) {
        if (session != null) {
            session.removeAttribute(key(purpose));
        }
    }

    /** Client address for rate limits (the first X-Forwarded-For hop is not trusted blindly here). */
    public static String clientKey(HttpServletRequest request) {
        return request.getRemoteAddr() == null ? "unknown" : request.getRemoteAddr().toLowerCase(Locale.ROOT);
    }

    private static String key(String purpose) {
        return "newsletter.verified." + purpose;
    }
}
