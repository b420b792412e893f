package kr.sotong.signage.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import kr.sotong.shared.DomainException;

/** Parsing of form fields with Korean messages (typed text never becomes a 500). */
final class Forms {

    private Forms() {
    }

    static LocalDate date(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("signage.form.bad-date", what + " 날짜 형식이 올바르지 않습니다: " + text + " (예: 2025-09-01)");
        }
    }

    static LocalDate requiredDate(String text, String what) {
        LocalDate d = date(text, what);
        if (d == null) {
            throw new DomainException("signage.form.date-required", what + "을(를) 입력하세요.");
        }
        return d;
    }

    static int integer(String text, String what, int min, int max, Integer fallback) {
        if (text == null || text.isBlank()) {
            if (fallback != null) {
                return fallback;
            }
            throw new DomainException("signage.form.number-required", what + "을(를) 입력하세요.");
        }
        try {
            int v = Integer.parseInt(text.strip());
            if (v < min || v > max) {
                throw new DomainException("signage.form.out-of-range", what + "은(는) " + min + "~" + max + " 사이여야 합니다: " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new DomainException("signage.form.bad-number", what + "은(는) 숫자로 입력하세요: " + text);
        }
    }

    static Integer optionalInteger(String text, String what, int min, int max) {
        return text == null || text.isBlank() ? null : integer(text, what, min, max, null);
    }

    static <E extends Enum<E>> E choice(Class<E> type, String text, String what) {
        if (text == null || text.isBlank()) {
            throw new DomainException("signage.form.choice-required", what + "을(를) 고르세요.");
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException("signage.form.bad-choice", what + " 값이 올바르지 않습니다: " + text);
        }
    }

    static <E extends Enum<E>> E optionalChoice(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
