package kr.sotong.shared;

import java.text.Normalizer;
import java.util.Objects;
import java.util.Optional;

/**
 * A Korean telephone number, normalised to its digits ({@code 01012345678}) and formatted with hyphens
 * ({@code 010-1234-5678}). Accepts the common ways people type numbers: hyphens, dots, spaces, brackets,
 * full-width digits and the {@code +82}/{@code 82} country prefix.
 */
public final class PhoneNumber {

    public enum Kind { MOBILE, LANDLINE, INTERNET, TOLL_FREE, REPRESENTATIVE }

    private final String digits;
    private final Kind kind;

    private PhoneNumber(String digits, Kind kind) {
        this.digits = digits;
        this.kind = kind;
    }

    /** Parses a number or throws a {@link DomainException} with the reason in Korean. */
    public static PhoneNumber parse(String input) {
        Result r = tryParse(input);
        if (r.number == null) {
            throw new DomainException("error.phone.invalid", r.reason, input);
        }
        return r.number;
    }

    public static Optional<PhoneNumber> tryParseOptional(String input) {
        return Optional.ofNullable(tryParse(input).number);
    }

    /** Result of parsing: the number, or the Korean reason it was refused. */
    public record Result(PhoneNumber number, String reason) {
        public boolean valid() {
            return number != null;
        }
    }

    public static Result tryParse(String input) {
        if (input == null || input.isBlank()) {
            return new Result(null, "전화번호를 입력해 주세요.");
        }
        String s = Normalizer.normalize(input.strip(), Normalizer.Form.NFKC);
        if (s.length() > 40) {
            return new Result(null, "전화번호가 너무 깁니다.");
        }
        StringBuilder d = new StringBuilder();
        boolean plus = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                d.append(c);
            } else if (c == '+' && d.length() == 0 && !plus) {
                plus = true;
            } else if (c == '-' || c == '.' || c == ' ' || c == '(' || c == ')' || c == '/') {
                // separators people type
            } else {
                return new Result(null, "전화번호에 숫자와 하이픈(-) 외의 문자가 있습니다: '" + c + "'");
            }
        }
        String digits = d.toString();
        if (plus || digits.startsWith("82") && digits.length() >= 11 && !digits.startsWith("820")) {
            if (!digits.startsWith("82")) {
                return new Result(null, "국내(+82) 전화번호만 받을 수 있습니다.");
            }
            digits = "0" + digits.substring(2);
        }
        if (digits.startsWith("00")) {
            return new Result(null, "국내 전화번호만 받을 수 있습니다.");
        }
        int n = digits.length();
        if (digits.startsWith("010")) {
            if (n != 11) {
                return new Result(null, "휴대전화 번호는 010으로 시작하는 11자리여야 합니다.");
            }
            return ok(digits, Kind.MOBILE);
        }
        if (digits.matches("01[16789]\\d{7,8}")) {
            return ok(digits, Kind.MOBILE);
        }
        if (digits.matches("02\\d{7,8}")) {
            return ok(digits, Kind.LANDLINE);
        }
        if (digits.matches("0(3[1-3]|4[1-4]|5[1-5]|6[1-4])\\d{7,8}")) {
            return ok(digits, Kind.LANDLINE);
        }
        if (digits.matches("070\\d{8}")) {
            return ok(digits, Kind.INTERNET);
        }
        if (digits.matches("080\\d{7}")) {
            return ok(digits, Kind.TOLL_FREE);
        }
        if (digits.matches("1[5-9]\\d{6}")) {
            return ok(digits, Kind.REPRESENTATIVE);
        }
        if (n < 8) {
            return new Result(null, "전화번호 자릿수가 부족합니다.");
        }
        return new Result(null, "올바른 국내 전화번호 형식이 아닙니다.");
    }

    private static Result ok(String digits, Kind kind) {
        return new Result(new PhoneNumber(digits, kind), null);
    }

    public String digits() {
        return digits;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isMobile() {
        return kind == Kind.MOBILE;
    }

    /** {@code 010-1234-5678}, {@code 02-123-4567}, {@code 1588-1234}. */
    public String formatted() {
        String d = digits;
        int n = d.length();
        if (kind == Kind.REPRESENTATIVE) {
            return d.substring(0, 4) + "-" + d.substring(4);
        }
        int area = d.startsWith("02") ? 2 : 3;
        int last = 4;
        return d.substring(0, area) + "-" + d.substring(area, n - last) + "-" + d.substring(n - last);
    }

    /** {@code 010-****-5678}. */
    public String masked() {
        return Masking.phone(formatted());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumber p && p.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    @Override
    public String toString() {
        return masked();
    }
}
