package kr.sotong.signage.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kr.sotong.shared.DomainException;

/**
 * A time window on chosen weekdays, in Asia/Seoul wall-clock time. A window whose end is before its
 * start crosses midnight: {@code 금 22:00–02:00} covers Friday 22:00 to Saturday 02:00 and belongs to
 * Friday (the weekday and the campaign's date range are those of the day the window starts). A window
 * with {@code start = end} covers the whole day. The end is exclusive.
 */
public record Daypart(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private static final String[] DAY_LABELS = {"월", "화", "수", "목", "금", "토", "일"};

    public Daypart {
        if (days == null || days.isEmpty()) {
            throw new DomainException("signage.daypart.no-days", "요일을 하나 이상 고르세요.");
        }
        if (start == null || end == null) {
            throw new DomainException("signage.daypart.no-time", "시작 시각과 끝 시각을 모두 입력하세요.");
        }
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    public static Daypart allDay(Set<DayOfWeek> days) {
        return new Daypart(days, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    public boolean wholeDay() {
        return start.equals(end);
    }

    public boolean crossesMidnight() {
        return end.isBefore(start);
    }

    /**
     * The day whose window covers {@code local}, if any: the same date, or the previous date for the
     * part of a crossing window after midnight.
     */
    public Optional<LocalDate> owningDay(LocalDateTime local) {
        LocalDate date = local.toLocalDate();
        LocalTime t = local.toLocalTime();
        DayOfWeek d = date.getDayOfWeek();
        if (wholeDay()) {
            return days.contains(d) ? Optional.of(date) : Optional.empty();
        }
        if (!crossesMidnight()) {
            return days.contains(d) && !t.isBefore(start) && t.isBefore(end) ? Optional.of(date) : Optional.empty();
        }
        if (days.contains(d) && !t.isBefore(start)) {
            return Optional.of(date);
        }
        if (days.contains(d.minus(1)) && t.isBefore(end)) {
            return Optional.of(date.minusDays(1));
        }
        return Optional.empty();
    }

    public boolean covers(LocalDateTime local) {
        return owningDay(local).isPresent();
    }

    /** Bit 0 = Monday … bit 6 = Sunday. */
    public int weekdayMask() {
        int mask = 0;
        for (DayOfWeek d : days) {
            mask |= 1 << (d.getValue() - 1);
        }
        return mask;
    }

    public static Set<DayOfWeek> daysOf(int mask) {
        EnumSet<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if ((mask & (1 << (d.getValue() - 1))) != 0) {
                set.add(d);
            }
        }
        return set;
    }

    /** Parses {@code HH:mm} as typed in a form; a clear Korean error otherwise. */
    public static LocalTime parseTime(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new DomainException("signage.daypart.no-time", what + " 시각을 입력하세요(예: 22:00).");
        }
        String s = text.strip();
        if (s.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(s.length() == 4 ? "0" + s : s, HM);
        } catch (DateTimeParseException e) {
            throw new DomainException("signage.daypart.bad-time", what + " 시각 형식이 올바르지 않습니다: " + s + " (예: 07:30)");
        }
    }

    /** e.g. {@code 월·화·수·목·금 22:00–02:00(다음 날)}. */
    public String describe() {
        String d = days.stream().sorted().map(x -> DAY_LABELS[x.getValue() - 1]).collect(Collectors.joining("·"));
        if (wholeDay()) {
            return d + " 종일";
        }
        return d + " " + HM.format(start) + "–" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : HM.format(end))
                + (crossesMidnight() && !end.equals(LocalTime.MIDNIGHT) ? "(다음 날)" : "");
    }

    public static String dayLabel(DayOfWeek d) {
        return DAY_LABELS[d.getValue() - 1];
    }
}
