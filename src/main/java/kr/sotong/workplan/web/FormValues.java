package kr.sotong.workplan.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import kr.sotong.shared.DomainException;
import kr.sotong.workplan.Amounts;

/** Parses form fields with Korean messages. */
final class FormValues {

    private FormValues() {
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("workplan.date.format", field + " 날짜 형식이 올바르지 않습니다 (예: 2025-03-01): " + value,
                    field, value);
        }
    }

    static LocalDate requiredDate(String field, String value) {
        LocalDate d = date(field, value);
        if (d == null) {
            throw new DomainException("workplan.date.required", field + "을(를) 입력해 주세요.", field);
        }
        return d;
    }

    static BigDecimal decimal(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.contains(",")) {
            throw new DomainException("workplan.amount.commas", field + "은(는) 쉼표 없이 숫자만 입력해 주세요.", field);
        }
        if (!v.matches("\\d{1,16}(\\.\\d{1,2})?")) {
            throw new DomainException("workplan.kpi.value", field + "은(는) 0 이상의 숫자(소수 둘째 자리까지)로 입력해 주세요: " + value,
                    field);
        }
        return new BigDecimal(v);
    }

    static int integer(String field, String value, int min, int max) {
        long v = Amounts.parse(field, value == null ? "" : value.strip().isEmpty() ? "" : value);
        if (v < min || v > max) {
            throw new DomainException("workplan.int.range", field + "은(는) " + min + "~" + max + " 사이여야 합니다.", field);
        }
        return (int) v;
    }

    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static <E extends Enum<E>> E choice(String field, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            throw new DomainException("workplan.choice.required", field + "을(를) 고르세요.", field);
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException("workplan.choice.invalid", field + " 값이 올바르지 않습니다: " + value, field);
        }
    }
}
