package kr.sotong.press;

import kr.sotong.shared.DomainException;

/** Checks for typed text with Korean messages. */
final class Texts {

    private Texts() {
    }

    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new DomainException("press.text.required", field + "을(를) 입력해 주세요.", field);
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new DomainException("press.text.too-long", field + "은(는) " + max + "자 이내로 입력해 주세요.", field, max);
        }
        return v;
    }

    /** Null when blank; else stripped and at most {@code max} characters. */
    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new DomainException("press.text.too-long", field + "은(는) " + max + "자 이내로 입력해 주세요.", field, max);
        }
        return v;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
