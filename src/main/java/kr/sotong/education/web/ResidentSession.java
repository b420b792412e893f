package kr.sotong.education.web;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kr.sotong.shared.PhoneNumber;

/**
 * A phone number the resident proved with a one-time code, remembered in their browser session for a while so that
 * registering, cancelling and downloading a certificate need one code, not one per step.
 */
final class ResidentSession {

    static final String KEY = "education.verifiedPhone";

    record Verified(String digits, Instant until) implements Serializable {
    }

    private ResidentSession() {
    }

    static void remember(HttpSession session, PhoneNumber phone, Clock clock, Duration lifetime) {
        session.setAttribute(KEY, new Verified(phone.digits(), clock.instant().plus(lifetime)));
    }

    static Optional<PhoneNumber> phone(HttpSession session, Clock clock) {
        if (session == null) {
            return Optional.empty();
        }
        Object v = session.getAttribute(KEY);
        if (v instanceof Verified ver && clock.instant().isBefore(ver.until())) {
            return PhoneNumber.tryParseOptional(ver.digits());
        }
        return Optional.empty();
    }

    static boolean verified(HttpSession session, PhoneNumber phone, Clock clock) {
        return phone(session, clock).map(p -> p.equals(phone)).orElse(false);
    }

    static void forget(HttpSession session) {
        if (session != null) {
            session.removeAttribute(KEY);
        }
    }
}
