package kr.sotong.messaging.internal;

import kr.sotong.shared.DomainException;

/** Form-value checks with Korean messages. */
public final class Texts {

    private Texts() {
    }

    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new DomainException("messaging.text.required", field + "을(를) 입력해 주세요.", field);
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new DomainException("messaging.text.too-long", field + "은(는) " + max + "자 이내로 입력해 주세요.", field, max);
        }
        return v;
    }
}
