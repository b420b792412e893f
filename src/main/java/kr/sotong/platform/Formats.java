package kr.sotong.platform;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import kr.sotong.platform.config.PlatformProperties;
import org.springframework.stereotype.Component;

/**
 * Formatting helpers for templates, as the bean {@code fmt}: {@code ${@fmt.dateTime(x)}},
 * {@code ${@fmt.num(3648821)}} → 3,648,821. Times are shown in Asia/Seoul.
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    Formats(PlatformProperties properties) {
        this.zone = properties.zone();
    }

    public String date(Object t) {
        return t == null ? "-" : DATE.format(zoned(t));
    }

    public String dateTime(Object t) {
        return t == null ? "-" : DATE_TIME.format(zoned(t));
    }

    public String dateTimeSeconds(Object t) {
        return t == null ? "-" : DATE_TIME_SECONDS.format(zoned(t));
    }

    /** 3648821 → "3,648,821"; null → "-". */
    public String num(Number n) {
        if (n == null) {
            return "-";
        }
        NumberFormat f = NumberFormat.getNumberInstance(Locale.KOREA);
        f.setMaximumFractionDigits(n instanceof BigDecimal bd ? Math.max(0, bd.scale()) : 2);
        return f.format(n);
    }

    private TemporalAccessor zoned(Object t) {
        if (t instanceof Instant i) {
            return i.atZone(zone);
        }
        if (t instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(zone);
        }
        if (t instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(zone);
        }
        if (t instanceof LocalDateTime || t instanceof LocalDate) {
            return (TemporalAccessor) t;
        }
        if (t instanceof java.util.Date d) {
            return d.toInstant().atZone(zone);
        }
        throw new IllegalArgumentException("not a date/time: " + t);
    }
}
