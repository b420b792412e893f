package kr.sotong.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/** A closed date range; the end may be open ({@code null}). The end never lies before the start. */
public record Period(LocalDate start, LocalDate end) {

    private static final DateTimeFormatter DOTS = DateTimeFormatter.ofPattern("yyyy. M.");

    public Period {
        Objects.requireNonNull(start, "start");
        if (end != null && end.isBefore(start)) {
            throw new DomainException("error.period.end-before-start",
                    "종료일(" + end + ")이 시작일(" + start + ")보다 앞설 수 없습니다.", start, end);
        }
    }

    public static Period of(LocalDate start, LocalDate end) {
        return new Period(start, end);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && (end == null || !day.isAfter(end));
    }

    public boolean overlaps(Period other) {
        boolean startsBeforeOtherEnds = other.end == null || !start.isAfter(other.end);
        boolean otherStartsBeforeThisEnds = end == null || !other.start.isAfter(end);
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    /** "2025. 2. ~ 2025. 8." as the seed prints periods by month. */
    public String toKoreanMonths() {
        return DOTS.format(start) + " ~ " + (end == null ? "" : DOTS.format(end));
    }
}
