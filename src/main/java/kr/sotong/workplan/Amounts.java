package kr.sotong.workplan;

import kr.sotong.shared.DomainException;

/** Parses amounts typed into forms: digits only, as 천원 or 원 integers. */
public final class Amounts {

    /** Largest amount accepted (천원): 999,999,999,999 — far above any district budget. */
    static final long MAX = 999_999_999_999L;

    private Amounts() {
    }

    /**
     * Accepts only plain non-negative integers ("3648821"); refuses commas, spaces, signs, decimals and
     * letters with a Korean message naming the field.
     */
    public static long parse(String field, String input) {
        if (input == null || input.isEmpty()) {
            throw new DomainException("workplan.amount.required", field + "을(를) 입력해 주세요.", field);
        }
        if (input.isBlank() || !input.equals(input.strip()) || input.chars().anyMatch(Character::isWhitespace)) {
            throw new DomainException("workplan.amount.spaces", field + "에 공백을 넣지 말고 숫자만 입력해 주세요.", field);
        }
        if (input.contains(",")) {
            throw new DomainException("workplan.amount.commas",
                    field + "은(는) 쉼표 없이 숫자만 입력해 주세요 (예: 3648821).", field);
        }
        if (input.startsWith("-")) {
            throw new DomainException("workplan.amount.negative", field + "은(는) 0 이상이어야 합니다.", field);
        }
        if (input.contains(".")) {
            throw new DomainException("workplan.amount.decimal", field + "은(는) 소수 없이 정수로 입력해 주세요.", field);
        }
        if (!input.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new DomainException("workplan.amount.letters", field + "에는 숫자만 입력할 수 있습니다: " + input, field, input);
        }
        if (input.length() > 12) {
            throw new DomainException("workplan.amount.too-large", field + "이(가) 너무 큽니다.", field);
        }
        long value = Long.parseLong(input);
        if (value > MAX) {
            throw new DomainException("workplan.amount.too-large", field + "이(가) 너무 큽니다.", field);
        }
        return value;
    }

    /** Like {@link #parse} but empty input means "not given". */
    public static Long parseOptional(String field, String input) {
        return input == null || input.isEmpty() ? null : parse(field, input);
    }
}
