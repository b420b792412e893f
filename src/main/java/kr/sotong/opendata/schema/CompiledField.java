package kr.sotong.opendata.schema;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schema field ready to read cells as Frictionless does: {@link #cast} turns a non-missing source string into
 * a typed value (or {@link #INVALID}: a {@code type-error}); {@link #violations} lists the broken constraints of a
 * typed value ({@code null} stands for a missing cell, which only {@code required} checks).
 */
public final class CompiledField {

    public static final Object INVALID = new Object();
    private static final Pattern UUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern ISO_DATETIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");

    final SchemaField field;
    final int number;
    final String type;
    final String format;
    final Strptime strptime;
    final String group;
    final String decimal;
    final boolean bare;
    final Set<String> trueValues;
    final Set<String> falseValues;
    final boolean required;
    final Comparable<Object> minimum;
    final Comparable<Object> maximum;
    final Integer minLength;
    final Integer maxLength;
    final Pattern pattern;
    final Set<String> enumKeys;
    final boolean hasValueConstraints;

    public CompiledField(SchemaField field, int number) {
        this.field = field;
        this.number = number;
        this.type = field.type();
        this.format = field.format();
        this.strptime = ("date".equals(type) || "datetime".equals(type) || "time".equals(type))
                && !"default".equals(format) && !"any".equals(format) ? Strptime.compile(format) : null;
        this.group = field.groupChar() == null || field.groupChar().isEmpty() ? null : field.groupChar();
        this.decimal = field.decimalChar() == null || field.decimalChar().isEmpty() ? "." : field.decimalChar();
        this.bare = field.bareNumber() == null || field.bareNumber();
        this.trueValues = new HashSet<>(field.trueValues() != null ? field.trueValues() : List.of("true", "True", "TRUE", "1"));
        this.falseValues = new HashSet<>(field.falseValues() != null ? field.falseValues() : List.of("false", "False", "FALSE", "0"));
        Constraints c = field.constraints();
        this.required = c.required();
        this.minimum = bound(c.minimum(), "minimum");
        this.maximum = bound(c.maximum(), "maximum");
        this.minLength = c.minLength();
        this.maxLength = c.maxLength();
        try {
            this.pattern = c.pattern() == null ? null : Pattern.compile(c.pattern());
        } catch (RuntimeException e) {
            throw new SchemaException("'" + field.name() + "' 필드의 pattern 정규식이 올바르지 않습니다: " + c.pattern());
        }
        if (c.enumValues() != null) {
            enumKeys = new HashSet<>();
            for (String v : c.enumValues()) {
                Object typed = v == null ? null : cast(v);
                if (typed == INVALID) {
                    throw new SchemaException("'" + field.name() + "' 필드의 enum 값이 형식(" + type + ")에 맞지 않습니다: " + v);
                }
                enumKeys.add(key(typed));
            }
        } else {
            enumKeys = null;
        }
        this.hasValueConstraints = minimum != null || maximum != null || minLength != null || maxLength != null
                || pattern != null || enumKeys != null;
    }

    public SchemaField field() {
        return field;
    }

    public String name() {
        return field.name();
    }

    /** 1-based. */
    public int number() {
        return number;
    }

    @SuppressWarnings("unchecked")
    private Comparable<Object> bound(String raw, String which) {
        if (raw == null) {
            return null;
        }
        Object v = cast(raw);
        if (v == INVALID || !(v instanceof Comparable)) {
            throw new SchemaException("'" + field.name() + "' 필드의 " + which + " 값이 형식(" + type + ")에 맞지 않습니다: " + raw);
        }
        return (Comparable<Object>) v;
    }

    /** Frictionless's note for a type error, e.g. {@code type is "integer/default"}. */
    public String typeNote() {
        return "type is \"" + type + "/" + format + "\"";
    }

    /** Reads a non-missing cell; {@link #INVALID} when it is not of the field's type. */
    public Object cast(String s) {
        switch (type) {
            case "string":
                return castString(s);
            case "integer":
                return castInteger(s);
            case "number":
                return castNumber(s);
            case "boolean":
                return trueValues.contains(s) ? Boolean.TRUE : falseValues.contains(s) ? Boolean.FALSE : INVALID;
            case "date":
                return castDate(s);
            case "datetime":
                return castDateTime(s);
            case "time":
                return castTime(s);
            case "year":
                return s.matches("\\d{4}") ? Integer.valueOf(s) : INVALID;
            case "yearmonth":
                Matcher ym = YEAR_MONTH.matcher(s);
                if (ym.matches()) {
                    int m = Integer.parseInt(ym.group(2));
                    return m >= 1 && m <= 12 ? YearMonth.of(Integer.parseInt(ym.group(1)), m) : INVALID;
                }
                return INVALID;
            case "object":
                return s.strip().startsWith("{") ? s : INVALID;
            case "array":
                return s.strip().startsWith("[") ? s : INVALID;
            default:
                return s;
        }
    }

    private Object castString(String s) {
        switch (format) {
            case "email":
                return isEmail(s) ? s : INVALID;
            case "uuid":
                return UUID.matcher(s).matches() ? s : INVALID;
            case "uri":
                try {
                    java.net.URI u = new java.net.URI(s);
                    return u.getScheme() != null ? s : INVALID;
                } catch (java.net.URISyntaxException e) {
                    return INVALID;
                }
            case "binary":
                try {
                    Base64.getDecoder().decode(s);
                    return s;
                } catch (IllegalArgumentException e) {
                    return INVALID;
                }
            default:
                return s;
        }
    }

    /** One @, a dot in the domain, no white space (the shape Frictionless's email format checks). */
    private static boolean isEmail(String s) {
        int at = s.indexOf('@');
        if (at <= 0 || at != s.lastIndexOf('@') || at == s.length() - 1) {
            return false;
        }
        int dot = s.indexOf('.', at + 2);
        if (dot < 0 || dot == s.length() - 1) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private Object castInteger(String s) {
        if (!bare) {
            s = stripNonDigits(s);
        }
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) == ' ') {
            i++;
        }
        while (n > i && s.charAt(n - 1) == ' ') {
            n--;
        }
        if (i == n) {
            return INVALID;
        }
        boolean negative = false;
        char c0 = s.charAt(i);
        if (c0 == '-' || c0 == '+') {
            negative = c0 == '-';
            i++;
            if (i == n) {
                return INVALID;
            }
        }
        if (n - i > 18) {
            String digits = s.substring(i, n);
            if (!digits.chars().allMatch(Character::isDigit)) {
                return INVALID;
            }
            BigDecimal big = new BigDecimal(digits);
            return negative ? big.negate() : big;
        }
        long v = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return INVALID;
            }
            v = v * 10 + (c - '0');
        }
        return negative ? -v : v;
    }

    private Object castNumber(String s) {
        if (group != null) {
            s = s.replace(group, "");
        }
        if (!".".equals(decimal)) {
            s = s.replace(decimal, ".");
        }
        if (!bare) {
            s = stripNonDigits(s);
        }
        s = s.strip();
        if (s.isEmpty()) {
            return INVALID;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        if (unsigned.equals("nan") || unsigned.equals("inf") || unsigned.equals("infinity")) {
            return lower;
        }
        // fast path: plain integers
        boolean plain = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || i == 0 && (c == '-' || c == '+'))) {
                plain = false;
                break;
            }
        }
        if (plain) {
            BigDecimal fast = fastDecimal(s);
            if (fast != null) {
                return fast;
            }
        }
        if (plain && s.indexOf('.') == s.lastIndexOf('.') && !s.equals(".") && !s.equals("-") && !s.equals("+")
                && !s.equals("-.") && !s.equals("+.")) {
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                return INVALID;
            }
        }
        if (s.indexOf('e') < 0 && s.indexOf('E') < 0) {
            return INVALID;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return INVALID;
        }
    }

    /** [+-]digits[.digits] with at most 18 digits, without BigDecimal's parser. */
    private static BigDecimal fastDecimal(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        long unscaled = 0;
        int digitCount = 0;
        int scale = 0;
        boolean dot = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (dot) {
                    return null;
                }
                dot = true;
                continue;
            }
            if (++digitCount > 18) {
                return null;
            }
            unscaled = unscaled * 10 + (c - '0');
            if (dot) {
                scale++;
            }
        }
        if (digitCount == 0) {
            return null;
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }

    private static String stripNonDigits(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && !Character.isDigit(s.charAt(a)) && s.charAt(a) != '-') {
            a++;
        }
        while (b > a && !Character.isDigit(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    private Object castDate(String s) {
        if ("default".equals(format)) {
            // strptime("%Y-%m-%d"): four-digit year, month and day with or without a leading zero
            int len = s.length();
            if (len < 8 || len > 10 || s.charAt(4) != '-') {
                return INVALID;
            }
            int y = digits(s, 0, 4);
            int second = s.indexOf('-', 5);
            if (y < 0 || second < 0) {
                return INVALID;
            }
            int m = digits(s, 5, second);
            int d = digits(s, second + 1, len);
            if (m < 0 || d < 0 || second - 5 > 2 || len - second - 1 > 2 || second == 5 || second + 1 == len) {
                return INVALID;
            }
            try {
                return LocalDate.of(y, m, d);
            } catch (DateTimeException e) {
                return INVALID;
            }
        }
        if ("any".equals(format)) {
            KoreanDates.Parsed p = KoreanDates.parse(s);
            return p == null ? INVALID : p.date();
        }
        LocalDateTime t = strptime.parse(s);
        return t == null ? INVALID : t.toLocalDate();
    }

    private static int digits(String s, int from, int to) {
        if (from >= to) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private Object castDateTime(String s) {
        if ("default".equals(format) || "any".equals(format)) {
            LocalDateTime fast = fastDateTime(s);
            if (fast != null) {
                return fast;
            }
            Matcher m = ISO_DATETIME.matcher(s.strip());
            if (!m.matches()) {
                return INVALID;
            }
            try {
                LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                if (m.group(8) != null) {
                    String z = m.group(8).equals("Z") ? "+00:00" : m.group(8).length() == 5
                            ? m.group(8).substring(0, 3) + ":" + m.group(8).substring(3) : m.group(8);
                    return OffsetDateTime.of(t, java.time.ZoneOffset.of(z)).toInstant().toString();
                }
                return t;
            } catch (DateTimeException e) {
                return INVALID;
            }
        }
        LocalDateTime t = strptime.parse(s);
        return t == null ? INVALID : t;
    }

    /** yyyy-MM-ddTHH:mm:ss without zone, the common case, without a regex. */
    private static LocalDateTime fastDateTime(String s) {
        if (s.length() != 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' && s.charAt(10) != ' '
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int y = digits(s, 0, 4), mo = digits(s, 5, 7), d = digits(s, 8, 10), h = digits(s, 11, 13), mi = digits(s, 14, 16),
                sec = digits(s, 17, 19);
        if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(y, mo, d, h, mi, sec);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private Object castTime(String s) {
        if (strptime != null) {
            LocalDateTime t = strptime.parse(s);
            return t == null ? INVALID : t.toLocalTime();
        }
        Matcher m = TIME.matcher(s);
        if (!m.matches()) {
            return INVALID;
        }
        try {
            return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return INVALID;
        }
    }

    /**
     * Constraint notes broken by a typed value ({@code null} = missing cell), in Frictionless's wording; empty when
     * none. Never called with {@link #INVALID}.
     */
    public List<String> violations(Object value, String source) {
        if (value == null) {
            return required ? List.of("constraint \"required\" is \"True\"") : List.of();
        }
        if (!hasValueConstraints) {
            return List.of();
        }
        List<String> notes = new ArrayList<>(1);
        Constraints c = field.constraints();
        if (minLength != null && length(value) < minLength) {
            notes.add("constraint \"minLength\" is \"" + minLength + "\"");
        }
        if (maxLength != null && length(value) > maxLength) {
            notes.add("constraint \"maxLength\" is \"" + maxLength + "\"");
        }
        if (minimum != null && comparable(value) && minimum.compareTo(value) > 0) {
            notes.add("constraint \"minimum\" is \"" + c.minimum() + "\"");
        }
        if (maximum != null && comparable(value) && maximum.compareTo(value) < 0) {
            notes.add("constraint \"maximum\" is \"" + c.maximum() + "\"");
        }
        if (pattern != null && value instanceof String str && !pattern.matcher(str).matches()) {
            notes.add("constraint \"pattern\" is \"" + c.pattern() + "\"");
        }
        if (enumKeys != null && !enumKeys.contains(key(value))) {
            notes.add("constraint \"enum\" is \"" + c.enumValues() + "\"");
        }
        return notes;
    }

    private boolean comparable(Object value) {
        Object m = minimum != null ? minimum : maximum;
        return m != null && m.getClass().isInstance(value);
    }

    private static int length(Object value) {
        if (value instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        return String.valueOf(value).length();
    }

    /** Canonical text of a typed value for unique, primary-key and enum comparisons (1 and 1.0 are equal). */
    public static String key(Object value) {
        if (value instanceof BigDecimal b) {
            return b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    /** A tiny strptime for the directives Frictionless schemas use: %Y %y %m %d %H %M %S %f %z %%. */
    static final class Strptime {
        private final Pattern regex;
        private final List<Character> order;

        private Strptime(Pattern regex, List<Character> order) {
            this.regex = regex;
            this.order = order;
        }

        static Strptime compile(String format) {
            StringBuilder re = new StringBuilder();
            List<Character> order = new ArrayList<>();
            for (int i = 0; i < format.length(); i++) {
                char c = format.charAt(i);
                if (c != '%' || i + 1 == format.length()) {
                    re.append(Pattern.quote(String.valueOf(c)));
                    continue;
                }
                char d = format.charAt(++i);
                switch (d) {
                    case 'Y' -> re.append("(\\d{4})");
                    case 'y' -> re.append("(\\d{2})");
                    case 'm' -> re.append("(1[0-2]|0[1-9]|[1-9])");
                    case 'd' -> re.append("(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])");
                    case 'H' -> re.append("(2[0-3]|[0-1]\\d|\\d)");
                    case 'M', 'S' -> re.append("([0-5]\\d|\\d)");
                    case 'f' -> re.append("(\\d{1,6})");
                    case 'z' -> re.append("([+-]\\d{2}:?\\d{2}|Z)");
                    case '%' -> {
                        re.append("%");
                        continue;
                    }
                    default -> throw new SchemaException("지원하지 않는 날짜 형식 지시자입니다: %" + d + " (" + format + ")");
                }
                order.add(d);
            }
            return new Strptime(Pattern.compile(re.toString()), order);
        }

        LocalDateTime parse(String s) {
            Matcher m = regex.matcher(s);
            if (!m.matches()) {
                return null;
            }
            int y = 1900, mo = 1, d = 1, h = 0, mi = 0, sec = 0, nano = 0;
            for (int g = 0; g < order.size(); g++) {
                String v = m.group(g + 1).strip();
                switch (order.get(g)) {
                    case 'Y' -> y = Integer.parseInt(v);
                    case 'y' -> {
                        int yy = Integer.parseInt(v);
                        y = yy < 69 ? 2000 + yy : 1900 + yy;
                    }
                    case 'm' -> mo = Integer.parseInt(v);
                    case 'd' -> d = Integer.parseInt(v);
                    case 'H' -> h = Integer.parseInt(v);
                    case 'M' -> mi = Integer.parseInt(v);
                    case 'S' -> sec = Integer.parseInt(v);
                    case 'f' -> nano = Integer.parseInt((v + "000000").substring(0, 6)) * 1000;
                    default -> {
                    }
                }
            }
            try {
                return LocalDateTime.of(y, mo, d, h, mi, sec, nano);
            } catch (DateTimeException e) {
                return null;
            }
        }
    }
}
