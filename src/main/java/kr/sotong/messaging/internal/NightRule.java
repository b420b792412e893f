package kr.sotong.messaging.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * 정보통신망법 제50조 제3항: no advertising messages 21:00–08:00 (Asia/Seoul) without separate
 * consent to night-time advertising.
 */
public final class NightRule {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    public static final LocalTime NIGHT_START = LocalTime.of(21, 0);
    public static final LocalTime NIGHT_END = LocalTime.of(8, 0);

    private NightRule() {
    }

    public static boolean isNight(Instant at) {
        LocalTime t = at.atZone(SEOUL).toLocalTime();
        return !t.isBefore(NIGHT_START) || t.isBefore(NIGHT_END);
    }

    /** The next 08:00 in Seoul at or after {@code at} (or {@code at} itself in the day). */
    public static Instant nextDaytime(Instant at) {
        if (!isNight(at)) {
            return at;
        }
        ZonedDateTime z = at.atZone(SEOUL);
        ZonedDateTime morning = z.toLocalDate().atTime(NIGHT_END).atZone(SEOUL);
        if (!z.toLocalTime().isBefore(NIGHT_START)) {
            morning = morning.plusDays(1);
        }
        return morning.toInstant();
    }
}
