package kr.sotong.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/** Pragmatic e-mail address check (RFC 5321 lengths, one @, a dotted domain) and normalisation. */
public final class EmailAddress {

    private static final Pattern PATTERN = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private EmailAddress() {
    }

    public static boolean isValid(String email) {
        return email != null && email.length() <= 254 && PATTERN.matcher(email).matches() && !email.contains("..")
                && !email.startsWith(".") && !email.contains(".@");
    }

    /** Trims and lower-cases; throws a {@link DomainException} with a Korean message when invalid. */
    public static String normalise(String email) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!isValid(e)) {
            throw new DomainException("error.email.invalid", "이메일 주소 형식이 올바르지 않습니다: " + email, email);
        }
        return e;
    }
}
