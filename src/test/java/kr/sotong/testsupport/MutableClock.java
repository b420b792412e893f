package kr.sotong.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The application's clock in tests: runs with the system clock until a test fixes it with
 * {@link #setTo}, then moves only with {@link #advance}. Call {@link #reset()} after the test.
 */
public class MutableClock extends Clock {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private volatile Instant fixed;

    @Override
    public ZoneId getZone() {
        return SEOUL;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return fixed == null ? Clock.system(zone) : Clock.fixed(fixed, zone);
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f == null ? Instant.now() : f;
    }

    public void setTo(Instant instant) {
        fixed = instant;
    }

    /** Fixes the clock at a Seoul wall-clock time. */
    public void setTo(LocalDateTime seoulTime) {
        fixed = seoulTime.atZone(SEOUL).toInstant();
    }

    public void advance(Duration d) {
        fixed = instant().plus(d);
    }

    public void reset() {
        fixed = null;
    }
}
