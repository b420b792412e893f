package kr.sotong.opendata.schema;

import java.util.regex.Pattern;
import kr.sotong.shared.PhoneNumber;

/**
 * The Korean public-data standard domain rules (공공데이터 공통표준): each returns {@code null} when the value
 * follows the standard, else the Korean reason.
 */
public final class KoreanRules {

    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2})?");
    private static final Pattern ROAD = Pattern.compile(".*[가-힣0-9](로|길)\\s*\\d+(-\\d+)?.*");
    private static final Pattern LOT = Pattern.compile(".*[가-힣0-9](동|리|가)\\d?\\s*(산\\s*)?\\d+(-\\d+)?.*");

    private KoreanRules() {
    }

    public static String check(KoreanType type, String raw) {
        return switch (type) {
            case YN -> "Y".equals(raw) || "N".equals(raw) ? null : "여부 값은 대문자 Y 또는 N이어야 합니다";
            case DATE -> KoreanDates.isStrictIso(raw) ? null : "연월일은 YYYY-MM-DD 형식(예: 2025-03-01)이어야 합니다";
            case DATETIME -> DATE_TIME.matcher(raw).matches() ? null : "일시는 YYYY-MM-DD HH:MM:SS 형식이어야 합니다";
            case RATE -> rate(raw) ? null : "율은 정수 세 자리, 소수 두 자리 이내(999.99)여야 합니다";
            case AMOUNT -> integer(raw, true) ? null : "금액은 쉼표 없는 정수(원 단위)로 적어야 합니다";
            case QUANTITY -> integer(raw, false) ? null : "수량은 0 이상의 정수여야 합니다";
            case CODE -> code(raw) ? null : "코드 값에 공백이나 허용되지 않는 문자가 있습니다";
            case PHONE -> phone(raw);
            case POSTAL_CODE -> raw.length() == 5 && digits(raw, 0, 5) ? null : "우편번호는 5자리 숫자(국가기초구역번호)여야 합니다";
            case BUSINESS_NUMBER -> businessNumber(raw);
            case ADDRESS -> ROAD.matcher(raw).matches() || LOT.matcher(raw).matches() ? null
                    : "도로명주소(…로/길 번호) 또는 지번주소(…동/리 번지) 형식이 아닙니다";
        };
    }

    private static boolean digits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** [0-9A-Za-z가-힣_.-]{1,50} */
    private static boolean code(String s) {
        int n = s.length();
        if (n < 1 || n > 50) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '가' && c <= '힣'
                    || c == '_' || c == '.' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean integer(String s, boolean signed) {
        int from = signed && s.startsWith("-") ? 1 : 0;
        return digits(s, from, s.length());
    }

    /** -?\d{1,3}(\.\d{1,2})? */
    private static boolean rate(String s) {
        int from = s.startsWith("-") ? 1 : 0;
        int dot = s.indexOf('.');
        int intEnd = dot < 0 ? s.length() : dot;
        if (intEnd - from < 1 || intEnd - from > 3 || !digits(s, from, intEnd)) {
            return false;
        }
        if (dot < 0) {
            return true;
        }
        int frac = s.length() - dot - 1;
        return frac >= 1 && frac <= 2 && digits(s, dot + 1, s.length());
    }

    private static String phone(String raw) {
        String fast = formattedPhone(raw);
        if (fast != null && fast.equals(raw)) {
            return null;
        }
        PhoneNumber.Result r = PhoneNumber.tryParse(raw);
        if (!r.valid()) {
            return "전화번호 형식이 아닙니다: " + r.reason();
        }
        return r.number().formatted().equals(raw) ? null : "전화번호는 하이픈을 넣은 형식(예: " + r.number().formatted() + ")이어야 합니다";
    }

    /** Fast path for the common well-formed numbers: 02-XXX(X)-XXXX, 0NN-XXX(X)-XXXX, 010-XXXX-XXXX. */
    private static String formattedPhone(String raw) {
        int n = raw.length();
        if (n < 11 || n > 13 || raw.charAt(0) != '0') {
            return null;
        }
        int a = raw.indexOf('-');
        int b = a < 0 ? -1 : raw.indexOf('-', a + 1);
        if (a < 0 || b < 0 || raw.indexOf('-', b + 1) >= 0 || !digits(raw, 0, a) || !digits(raw, a + 1, b) || !digits(raw, b + 1, n)) {
            return null;
        }
        int area = a;
        int mid = b - a - 1;
        int last = n - b - 1;
        if (last != 4 || mid < 3 || mid > 4) {
            return null;
        }
        boolean seoul = area == 2 && raw.charAt(1) == '2';
        boolean mobile = area == 3 && raw.startsWith("010") && mid == 4;
        boolean regional = area == 3 && raw.charAt(1) >= '3' && raw.charAt(1) <= '6' && raw.charAt(2) >= '1' && raw.charAt(2) <= '5';
        return seoul || mobile || regional ? raw : null;
    }

    private static String businessNumber(String raw) {
        String digits = raw.replace("-", "");
        if (digits.length() != 10 || !digits(digits, 0, 10)) {
            return "사업자등록번호는 10자리 숫자(000-00-00000)여야 합니다";
        }
        if (!isValidBusinessNumber(digits)) {
            return "사업자등록번호의 검증번호(마지막 자리)가 맞지 않습니다";
        }
        boolean formatted = raw.length() == 12 && raw.charAt(3) == '-' && raw.charAt(6) == '-';
        return formatted ? null : "사업자등록번호는 000-00-00000 형식이어야 합니다";
    }

    private static final int[] WEIGHTS = {1, 3, 7, 1, 3, 7, 1, 3, 5};

    /**
     * The National Tax Service checksum of a 10-digit business registration number: the weighted sum of the first
     * nine digits with weights 1,3,7,1,3,7,1,3,5, plus the tens digit of (9th digit × 5); the check digit is
     * (10 − sum mod 10) mod 10.
     */
    public static boolean isValidBusinessNumber(String number) {
        String d = number == null ? "" : number.indexOf('-') < 0 ? number : number.replace("-", "");
        if (d.length() != 10 || !digits(d, 0, 10)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (d.charAt(i) - '0') * WEIGHTS[i];
        }
        sum += (d.charAt(8) - '0') * 5 / 10;
        int check = (10 - sum % 10) % 10;
        return check == d.charAt(9) - '0';
    }
}
