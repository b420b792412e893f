package kr.sotong.opendata.schema;

import java.util.regex.Pattern;
import kr.sotong.shared.PhoneNumber;

/**
 * The Korean public-data standard domain rules (공공데이터 공통표준): each returns {@code null} when the value
 * follows the standard, else the Korean reason.
 */
public final class KoreanRules {

    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2})?");
    private static final Pattern RATE = Pattern.compile("-?\\d{1,3}(\\.\\d{1,2})?");
    private static final Pattern AMOUNT = Pattern.compile("-?\\d+");
    private static final Pattern QUANTITY = Pattern.compile("\\d+");
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z가-힣_.\\-]{1,50}");
    private static final Pattern POSTAL = Pattern.compile("\\d{5}");
    private static final Pattern BUSINESS = Pattern.compile("\\d{3}-\\d{2}-\\d{5}");
    private static final Pattern ROAD = Pattern.compile(".*[가-힣0-9](로|길)\\s*\\d+(-\\d+)?.*");
    private static final Pattern LOT = Pattern.compile(".*[가-힣0-9](동|리|가)\\d?\\s*(산\\s*)?\\d+(-\\d+)?.*");

    private KoreanRules() {
    }

    public static String check(KoreanType type, String raw) {
        return switch (type) {
            case YN -> "Y".equals(raw) || "N".equals(raw) ? null : "여부 값은 대문자 Y 또는 N이어야 합니다";
            case DATE -> KoreanDates.isStrictIso(raw) ? null : "연월일은 YYYY-MM-DD 형식(예: 2025-03-01)이어야 합니다";
            case DATETIME -> DATE_TIME.matcher(raw).matches() ? null : "일시는 YYYY-MM-DD HH:MM:SS 형식이어야 합니다";
            case RATE -> RATE.matcher(raw).matches() ? null : "율은 정수 세 자리, 소수 두 자리 이내(999.99)여야 합니다";
            case AMOUNT -> AMOUNT.matcher(raw).matches() ? null : "금액은 쉼표 없는 정수(원 단위)로 적어야 합니다";
            case QUANTITY -> QUANTITY.matcher(raw).matches() ? null : "수량은 0 이상의 정수여야 합니다";
            case CODE -> CODE.matcher(raw).matches() ? null : "코드 값에 공백이나 허용되지 않는 문자가 있습니다";
            case PHONE -> phone(raw);
            case POSTAL_CODE -> POSTAL.matcher(raw).matches() ? null : "우편번호는 5자리 숫자(국가기초구역번호)여야 합니다";
            case BUSINESS_NUMBER -> businessNumber(raw);
            case ADDRESS -> ROAD.matcher(raw).matches() || LOT.matcher(raw).matches() ? null
                    : "도로명주소(…로/길 번호) 또는 지번주소(…동/리 번지) 형식이 아닙니다";
        };
    }

    private static String phone(String raw) {
        PhoneNumber.Result r = PhoneNumber.tryParse(raw);
        if (!r.valid()) {
            return "전화번호 형식이 아닙니다: " + r.reason();
        }
        return r.number().formatted().equals(raw) ? null : "전화번호는 하이픈을 넣은 형식(예: " + r.number().formatted() + ")이어야 합니다";
    }

    private static String businessNumber(String raw) {
        String digits = raw.replace("-", "");
        if (!digits.matches("\\d{10}")) {
            return "사업자등록번호는 10자리 숫자(000-00-00000)여야 합니다";
        }
        if (!isValidBusinessNumber(digits)) {
            return "사업자등록번호의 검증번호(마지막 자리)가 맞지 않습니다";
        }
        return BUSINESS.matcher(raw).matches() ? null : "사업자등록번호는 000-00-00000 형식이어야 합니다";
    }

    private static final int[] WEIGHTS = {1, 3, 7, 1, 3, 7, 1, 3, 5};

    /**
     * The National Tax Service checksum of a 10-digit business registration number: the weighted sum of the first
     * nine digits with weights 1,3,7,1,3,7,1,3,5, plus the tens digit of (9th digit × 5); the check digit is
     * (10 − sum mod 10) mod 10.
     */
    public static boolean isValidBusinessNumber(String number) {
        String d = number == null ? "" : number.replace("-", "");
        if (!d.matches("\\d{10}")) {
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
