package kr.sotong.education.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Date formats of the education pages ({@code ${@eduFmt.when(t)}}): Korean by default, English when chosen. */
@Component("eduFmt")
public class EduFormat {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    private static DateTimeFormatter f(String ko, String en) {
        return english() ? DateTimeFormatter.ofPattern(en, Locale.ENGLISH) : DateTimeFormatter.ofPattern(ko, Locale.KOREAN);
    }

    /** 3월 4일(화) 10:00. */
    public String when(Instant t) {
        return t == null ? "-" : f("M월 d일(E) HH:mm", "EEE d MMM HH:mm").format(t.atZone(SEOUL));
    }

    /** 2031년 3월 4일(화). */
    public String day(Object d) {
        if (d == null) {
            return "-";
        }
        LocalDate date = d instanceof Instant i ? i.atZone(SEOUL).toLocalDate() : (LocalDate) d;
        return f("yyyy년 M월 d일(E)", "EEE d MMM yyyy").format(date);
    }

    /** 10:00. */
    public String time(Instant t) {
        return t == null ? "-" : DateTimeFormatter.ofPattern("HH:mm").format(t.atZone(SEOUL));
    }

    /** 2031-03-04T10:00 for datetime-local inputs. */
    public String input(Instant t) {
        return t == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(t.atZone(SEOUL));
    }
}
