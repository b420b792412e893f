package kr.sotong.press.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import kr.sotong.shared.DomainException;

/** Parses form fields with Korean messages. */
final class Forms {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private Forms() {
    }

    /** {@code 2025-06-10T06:00} (datetime-local, Seoul time) → instant; blank → null. */
    static Instant dateTime(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip().replace(' ', 'T')).atZone(SEOUL).toInstant();
        } catch (DateTimeParseException e) {
            throw new DomainException("press.datetime.format", field + " 형식이 올바르지 않습니다 (예: 2025-06-10 06:00): " + value,
                    field, value);
        }
    }

    /** The datetime-local value of an instant in Seoul time. */
    static String local(Instant t) {
        return t == null ? "" : LocalDateTime.ofInstant(t, SEOUL).withSecond(0).withNano(0).toString();
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("press.date.format", field + " 날짜 형식이 올바르지 않습니다 (예: 2025-03-01): " + value,
                    field, value);
        }
    }

    static long number(String field, String value, long min, long max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new DomainException("press.number.required", field + "을(를) 입력해 주세요.", field);
        }
        if (v.contains(",")) {
            throw new DomainException("press.number.commas", field + "은(는) 쉼표 없이 숫자만 입력해 주세요.", field);
        }
        if (!v.matches("\\d{1,15}")) {
            throw new DomainException("press.number.format", field + "은(는) 0 이상의 정수로 입력해 주세요: " + value, field);
        }
        long n = Long.parseLong(v);
        if (n < min || n > max) {
            throw new DomainException("press.number.range", field + "은(는) " + min + "~" + max + " 사이여야 합니다.", field);
        }
        return n;
    }

    static Integer optionalInt(String field, String value, int min, int max) {
        return value == null || value.isBlank() ? null : (int) number(field, value, min, max);
    }

    static List<String> codes(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static <E extends Enum<E>> E choice(String field, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            throw new DomainException("press.choice.required", field + "을(를) 고르세요.", field);
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException("press.choice.invalid", field + " 값이 올바르지 않습니다: " + value, field);
        }
    }

    static long id(String field, String value) {
        return number(field, value, 1, Long.MAX_VALUE / 2);
    }
}
