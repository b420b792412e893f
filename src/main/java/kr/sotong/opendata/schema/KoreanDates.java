package kr.sotong.opendata.schema;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The date spellings found in office spreadsheets: 2025-03-01, 2025.3.1, 2025. 3. 1., 2025/03/01, 20250301, 2025년 3월 1일. */
public final class KoreanDates {

    public enum Style {
        ISO("%Y-%m-%d"), DOTS("%Y.%m.%d"), SLASHES("%Y/%m/%d"), COMPACT("%Y%m%d"), KOREAN("%Y년 %m월 %d일");

        public final String strptime;

        Style(String strptime) {
            this.strptime = strptime;
        }
    }

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DOTS = Pattern.compile("(\\d{4})\\.\\s?(\\d{1,2})\\.\\s?(\\d{1,2})\\.?");
    private static final Pattern SLASHES = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern KOREAN = Pattern.compile("(\\d{4})\\s*년\\s*(\\d{1,2})\\s*월\\s*(\\d{1,2})\\s*일");

    private KoreanDates() {
    }

    public record Parsed(LocalDate date, Style style) {
    }

    public static Parsed parse(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        Parsed p = match(ISO, s, Style.ISO);
        if (p == null) {
            p = match(DOTS, s, Style.DOTS);
        }
        if (p == null) {
            p = match(SLASHES, s, Style.SLASHES);
        }
        if (p == null) {
            p = match(COMPACT, s, Style.COMPACT);
        }
        if (p == null) {
            p = match(KOREAN, s, Style.KOREAN);
        }
        return p;
    }

    public static boolean isStrictIso(String raw) {
        if (raw == null || raw.length() != 10 || raw.charAt(4) != '-' || raw.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = raw.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        int y = Integer.parseInt(raw, 0, 4, 10);
        int m = Integer.parseInt(raw, 5, 7, 10);
        int d = Integer.parseInt(raw, 8, 10, 10);
        return y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= java.time.YearMonth.of(y, m).lengthOfMonth();
    }

    private static Parsed match(Pattern pattern, String s, Style style) {
        Matcher m = pattern.matcher(s);
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return d.getYear() < 1000 ? null : new Parsed(d, style);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
