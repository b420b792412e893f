package kr.sotong.channels.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import kr.sotong.shared.DomainException;

/** Form-value checks with Korean messages. */
public final class Forms {

    private Forms() {
    }

    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new DomainException("channels.text.required", field + "을(를) 입력해 주세요.", field);
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new DomainException("channels.text.too-long", field + "은(는) " + max + "자 이내로 입력해 주세요.", field, max);
        }
        return v;
    }

    public static void optional(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw new DomainException("channels.text.too-long", field + "은(는) " + max + "자 이내로 입력해 주세요.", field, max);
        }
    }

    public static LocalDate date(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new DomainException("channels.date.required", field + "을(를) 입력해 주세요.");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("channels.date.format", field + " 형식이 올바르지 않습니다(예: 2025-03-01).");
        }
    }

    public static Long number(String field, String value) {
        return TableFile.count(field, value);
    }
}
