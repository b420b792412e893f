package kr.sotong.education.web;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kr.sotong.platform.OneTimeCodes;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.PhoneNumber;
import org.springframework.ui.Model;

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

    /**
     * The one-time-code step of the short public forms (counselling booking, quiz entry), shown on
     * {@code education/public/code}: without a code, sends one unless this phone was proven recently; with a code,
     * checks it and remembers the phone. Returns {@code true} when the phone is proven; {@code false} when the code
     * page must be shown (the model then holds {@code sentTo}, the form's {@code codeAction} and {@code codeSubmit}
     * message key, and the error for a wrong code).
     */
    static boolean prove(OneTimeCodes codes, Texts texts, HttpSession session, Clock clock, Duration lifetime, PhoneNumber phone,
                         String code, Model model, String codeAction, String codeSubmit) {
        model.addAttribute("codeAction", codeAction);
        model.addAttribute("codeSubmit", codeSubmit);
        if (code == null || code.isBlank()) {
            if (verified(session, phone, clock)) {
                return true;
            }
            model.addAttribute("sentTo", codes.issue(ClassesController.OTP_PURPOSE, phone.digits()).maskedDestination());
            return false;
        }
        try {
            codes.verify(ClassesController.OTP_PURPOSE, phone.digits(), code);
        } catch (DomainException e) {
            model.addAttribute("error", texts.error(e));
            model.addAttribute("sentTo", phone.masked());
            return false;
        }
        remember(session, phone, clock, lifetime);
        return true;
    }

    static void forget(HttpSession session) {
        if (session != null) {
            session.removeAttribute(KEY);
        }
    }
}
