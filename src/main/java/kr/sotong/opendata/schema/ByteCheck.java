package kr.sotong.opendata.schema;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A conservative byte-level shortcut of one field's cell checks: {@link #clean} answers {@code true} only for a
 * non-missing cell (its raw bytes as the CSV tokenizer returns them) for which the general path — decoding,
 * {@link CompiledField#cast}, {@link CompiledField#violations} and, when enabled, the Korean rule — would find
 * nothing wrong and no encoding error. {@code false} never means "invalid": it means "ask the general path".
 * Only plain shapes are accepted (ASCII digits, one sign, valid UTF-8 text …); everything unusual (spaces,
 * exponents, full-width digits, more than 18 digits, regex-only rules) is left to the general path, so results
 * are the same by construction. Thread-safe (immutable).
 */
public final class ByteCheck {

    private enum Kind { TEXT, EMAIL, INTEGER, NUMBER, BOOLEAN, DATE, DATETIME, NONE }

    private final CompiledField f;
    private final Kind kind;
    private final boolean utf8;
    private final KoreanType kr;
    private final int minLength;
    private final int maxLength;
    private final boolean hasMinLong;
    private final long minLong;
    private final boolean hasMaxLong;
    private final long maxLong;
    private final BigDecimal minDecimal;
    private final BigDecimal maxDecimal;
    /** The decimal bounds as unscaled long and scale, when they fit (else Long.MIN_VALUE). */
    private final long minUnscaled;
    private final int minScale;
    private final long maxUnscaled;
    private final int maxScale;
    private final ByteSet enumBytes;
    private final SimplePattern simplePattern;
    private final byte[][] trueBytes;
    private final byte[][] falseBytes;

    /**
     * @param utf8        the source is UTF-8 (non-ASCII text can be validated on bytes); for other ASCII-compatible
     *                    encodings only ASCII cells take the shortcut
     * @param koreanRules the Korean rule of the field's {@code krType} is part of the check
     */
    public ByteCheck(CompiledField field, boolean utf8, boolean koreanRules) {
        this.f = field;
        this.utf8 = utf8;
        this.kr = koreanRules ? field.field().krType() : null;
        Object min = field.minimum;
        Object max = field.maximum;
        Kind k = switch (field.type) {
            case "string" -> "default".equals(field.format) ? Kind.TEXT : "email".equals(field.format) ? Kind.EMAIL : Kind.NONE;
            case "integer" -> field.bare ? Kind.INTEGER : Kind.NONE;
            case "number" -> field.bare && field.group == null && ".".equals(field.decimal) ? Kind.NUMBER : Kind.NONE;
            case "boolean" -> Kind.BOOLEAN;
            case "date" -> "default".equals(field.format) ? Kind.DATE : Kind.NONE;
            case "datetime" -> "default".equals(field.format) || "any".equals(field.format) ? Kind.DATETIME : Kind.NONE;
            default -> Kind.NONE;
        };
        boolean text = k == Kind.TEXT || k == Kind.EMAIL;
        // constraints the shortcut can decide; anything else sends every cell of the field to the general path
        if (!text && (field.minLength != null || field.maxLength != null || field.enumKeys != null)) {
            k = Kind.NONE;
        }
        if (text && (min != null || max != null)) {
            k = Kind.NONE;
        }
        if (k == Kind.INTEGER && (!(min == null || min instanceof Long)
                || !(max == null || max instanceof Long))) {
            k = Kind.NONE;
        }
        if (k == Kind.NUMBER && (!(min == null || min instanceof BigDecimal)
                || !(max == null || max instanceof BigDecimal))) {
            k = Kind.NONE;
        }
        if ((k == Kind.BOOLEAN || k == Kind.DATE || k == Kind.DATETIME) && (min != null || max != null)) {
            k = Kind.NONE;
        }
        this.minLength = field.minLength == null ? -1 : field.minLength;
        this.maxLength = field.maxLength == null ? Integer.MAX_VALUE : field.maxLength;
        this.hasMinLong = min instanceof Long;
        this.minLong = min instanceof Long l ? l : 0;
        this.hasMaxLong = max instanceof Long;
        this.maxLong = max instanceof Long l ? l : 0;
        this.minDecimal = min instanceof BigDecimal b ? b : null;
        this.maxDecimal = max instanceof BigDecimal b ? b : null;
        this.minUnscaled = unscaledOrNone(minDecimal);
        this.minScale = minDecimal == null ? 0 : minDecimal.scale();
        this.maxUnscaled = unscaledOrNone(maxDecimal);
        this.maxScale = maxDecimal == null ? 0 : maxDecimal.scale();
        ByteSet en = null;
        if (text && field.enumKeys != null) {
            byte[][] values = encodeAll(field.enumKeys);
            if (values == null) {
                k = Kind.NONE;
            } else {
                en = new ByteSet(values);
            }
        }
        this.enumBytes = en;
        this.simplePattern = field.pattern == null ? null : SimplePattern.compile(field.pattern.pattern());
        this.trueBytes = k == Kind.BOOLEAN ? encodeAll(field.trueValues) : null;
        this.falseBytes = k == Kind.BOOLEAN ? encodeAll(field.falseValues) : null;
        if (k == Kind.BOOLEAN && (trueBytes == null || falseBytes == null)) {
            k = Kind.NONE;
        }
        this.kind = k;
    }

    /** UTF-8 bytes of each value; null when one does not survive the round trip (a lone surrogate). */
    private static byte[][] encodeAll(java.util.Collection<String> values) {
        List<byte[]> out = new ArrayList<>();
        for (String v : values) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            if (!new String(b, StandardCharsets.UTF_8).equals(v)) {
                return null;
            }
            out.add(b);
        }
        return out.toArray(new byte[0][]);
    }

    /** True when the field's value is a {@link Long} for every cell {@link #clean} accepts. */
    public boolean longValued() {
        return kind == Kind.INTEGER;
    }

    /** The value of an integer cell that {@link #clean} accepted (equal to what {@link CompiledField#cast} gives). */
    public long longValue(byte[] b, int from, int to) {
        boolean negative = b[from] == '-';
        long v = 0;
        for (int i = negative ? from + 1 : from; i < to; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return negative ? -v : v;
    }

    /** See the class comment; the cell is not missing ({@code from < to} unless "" is not a missing value). */
    public boolean clean(byte[] b, int from, int to) {
        boolean ok = switch (kind) {
            case TEXT -> text(b, from, to, false);
            case EMAIL -> text(b, from, to, true);
            case INTEGER -> integer(b, from, to);
            case NUMBER -> number(b, from, to);
            case BOOLEAN -> (utf8 || ascii(b, from, to)) && (oneOf(trueBytes, b, from, to) || oneOf(falseBytes, b, from, to));
            case DATE -> date(b, from, to);
            case DATETIME -> dateTime(b, from, to);
            case NONE -> false;
        };
        return ok && (kr == null || korean(kr, b, from, to));
    }

    private boolean text(byte[] b, int from, int to, boolean email) {
        int chars;
        int i = from;
        while (i < to && b[i] >= 0) {
            i++;
        }
        boolean ascii = i == to;
        if (ascii) {
            chars = to - from;
        } else {
            if (!utf8 || email) {
                return false;
            }
            int rest = utf8CodePoints(b, i, to);
            if (rest < 0) {
                return false;
            }
            chars = i - from + rest;
        }
        if (email && !isEmail(b, from, to)) {
            return false;
        }
        if (chars < minLength || chars > maxLength) {
            return false;
        }
        if (enumBytes != null && !enumBytes.contains(b, from, to)) {
            return false;
        }
        if (f.pattern != null) {
            if (simplePattern != null && ascii && to - from <= SimplePattern.MAX_LENGTH) {
                return simplePattern.matches(b, from, to);
            }
            String s = ascii ? new String(b, from, to - from, StandardCharsets.ISO_8859_1)
                    : new String(b, from, to - from, StandardCharsets.UTF_8);
            return f.pattern.matcher(s).matches();
        }
        return true;
    }

    private static boolean ascii(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** A set of byte strings with a hashed lookup (enum values). */
    static final class ByteSet {
        private final byte[][][] table;
        private final int mask;

        ByteSet(byte[][] values) {
            int size = Integer.highestOneBit(Math.max(1, values.length) * 4);
            mask = size - 1;
            table = new byte[size][][];
            for (byte[] v : values) {
                int h = hash(v, 0, v.length) & mask;
                byte[][] bucket = table[h];
                if (bucket == null) {
                    table[h] = new byte[][] {v};
                } else {
                    byte[][] grown = java.util.Arrays.copyOf(bucket, bucket.length + 1);
                    grown[bucket.length] = v;
                    table[h] = grown;
                }
            }
        }

        private static int hash(byte[] b, int from, int to) {
            int h = to - from;
            for (int i = from; i < to; i++) {
                h = 31 * h + b[i];
            }
            return h ^ (h >>> 15);
        }

        boolean contains(byte[] b, int from, int to) {
            byte[][] bucket = table[hash(b, from, to) & mask];
            return bucket != null && oneOf(bucket, b, from, to);
        }
    }

    private static boolean oneOf(byte[][] values, byte[] b, int from, int to) {
        int len = to - from;
        for (byte[] v : values) {
            if (v.length == len && java.util.Arrays.equals(v, 0, len, b, from, to)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Number of code points of well-formed UTF-8 (the sequences Java's decoder accepts without replacement:
     * no overlong forms, no surrogates, nothing above U+10FFFF), or -1.
     */
    public static int utf8CodePoints(byte[] b, int from, int to) {
        int count = 0;
        int i = from;
        while (i < to) {
            int c = b[i];
            if (c >= 0) {
                i++;
            } else if ((c & 0xE0) == 0xC0) {
                if ((c & 0xFF) < 0xC2 || i + 1 >= to || (b[i + 1] & 0xC0) != 0x80) {
                    return -1;
                }
                i += 2;
            } else if ((c & 0xF0) == 0xE0) {
                if (i + 2 >= to) {
                    return -1;
                }
                int c1 = b[i + 1] & 0xFF;
                int c2 = b[i + 2] & 0xFF;
                int lead = c & 0xFF;
                if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80 || lead == 0xE0 && c1 < 0xA0 || lead == 0xED && c1 >= 0xA0) {
                    return -1;
                }
                i += 3;
            } else if ((c & 0xF8) == 0xF0) {
                int lead = c & 0xFF;
                if (lead > 0xF4 || i + 3 >= to) {
                    return -1;
                }
                int c1 = b[i + 1] & 0xFF;
                if ((c1 & 0xC0) != 0x80 || (b[i + 2] & 0xC0) != 0x80 || (b[i + 3] & 0xC0) != 0x80
                        || lead == 0xF0 && c1 < 0x90 || lead == 0xF4 && c1 >= 0x90) {
                    return -1;
                }
                i += 4;
            } else {
                return -1;
            }
            count++;
        }
        return count;
    }

    /** {@code isEmail} of {@link CompiledField} on ASCII bytes. */
    private static boolean isEmail(byte[] b, int from, int to) {
        int at = -1;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            } else if (c == ' ' || c >= 0x09 && c <= 0x0D || c >= 0x1C && c <= 0x1F) {
                return false;
            }
        }
        if (at <= from || at == to - 1) {
            return false;
        }
        int dot = -1;
        for (int i = at + 2; i < to; i++) {
            if (b[i] == '.') {
                dot = i;
                break;
            }
        }
        return dot >= 0 && dot != to - 1;
    }

    /** [-]digits, 1 to 18 digits: what castInteger reads as a Long. */
    private boolean integer(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && b[i] == '-') {
            negative = true;
            i++;
        }
        int digits = to - i;
        if (digits < 1 || digits > 18) {
            return false;
        }
        long v = 0;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            v = v * 10 + d;
        }
        if (negative) {
            v = -v;
        }
        return (!hasMinLong || v >= minLong) && (!hasMaxLong || v <= maxLong);
    }

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /** [+-]digits with at most one '.', 1 to 18 digits: what castNumber reads through its fast decimal path. */
    private boolean number(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = 0;
        boolean dot = false;
        for (; i < to; i++) {
            int c = b[i];
            if (c == '.') {
                if (dot) {
                    return false;
                }
                dot = true;
                continue;
            }
            int d = c - '0';
            if (d < 0 || d > 9 || ++digits > 18) {
                return false;
            }
            unscaled = unscaled * 10 + d;
            if (dot) {
                scale++;
            }
        }
        if (digits == 0) {
            return false;
        }
        long v = negative ? -unscaled : unscaled;
        return (minDecimal == null || compare(v, scale, minUnscaled, minScale, minDecimal) >= 0)
                && (maxDecimal == null || compare(v, scale, maxUnscaled, maxScale, maxDecimal) <= 0);
    }

    private static long unscaledOrNone(BigDecimal bound) {
        if (bound == null || bound.scale() < 0 || bound.scale() > 18 || bound.precision() > 18) {
            return Long.MIN_VALUE;
        }
        return bound.unscaledValue().longValue();
    }

    /** Sign of (unscaled × 10^-scale) − bound, on longs when both fit, else through BigDecimal. */
    static int compare(long unscaled, int scale, BigDecimal bound) {
        return compare(unscaled, scale, unscaledOrNone(bound), bound.scale(), bound);
    }

    /** {@code bu}/{@code bs}: the bound's unscaled value and scale, bu = Long.MIN_VALUE when it does not fit. */
    private static int compare(long unscaled, int scale, long bu, int bs, BigDecimal bound) {
        if (bu != Long.MIN_VALUE) {
            int t = Math.max(scale, bs);
            long a = scaleUp(unscaled, t - scale);
            long c = scaleUp(bu, t - bs);
            if (a != Long.MIN_VALUE && c != Long.MIN_VALUE) {
                return Long.compare(a, c);
            }
        }
        return BigDecimal.valueOf(unscaled, scale).compareTo(bound);
    }

    private static long scaleUp(long v, int by) {
        if (by == 0) {
            return v;
        }
        if (by > 18) {
            return Long.MIN_VALUE;
        }
        long p = POW10[by];
        long hi = Math.multiplyHigh(v, p);
        long lo = v * p;
        if (hi != (lo >> 63) || lo == Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        return lo;
    }

    private static int digitsAt(byte[] b, int from, int to) {
        if (from >= to) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** LocalDate.of(y, m, d) would succeed (0 ≤ y ≤ 9999 here). */
    static boolean validDate(int y, int m, int d) {
        if (m < 1 || m > 12 || d < 1) {
            return false;
        }
        int days = m == 2 ? ((y & 3) == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28) : m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31;
        return d <= days;
    }

    /** castDate's default format: YYYY-M(M)-D(D). */
    private static boolean date(byte[] b, int from, int to) {
        int len = to - from;
        if (len < 8 || len > 10 || b[from + 4] != '-') {
            return false;
        }
        int y = digitsAt(b, from, from + 4);
        int second = -1;
        for (int i = from + 5; i < to; i++) {
            if (b[i] == '-') {
                second = i;
                break;
            }
        }
        if (y < 0 || second < 0) {
            return false;
        }
        int m = digitsAt(b, from + 5, second);
        int d = digitsAt(b, second + 1, to);
        if (m < 0 || d < 0 || second - from - 5 > 2 || to - second - 1 > 2) {
            return false;
        }
        return validDate(y, m, d);
    }

    /** castDateTime's regex-free path: YYYY-MM-DD[T ]HH:MM:SS. */
    private static boolean dateTime(byte[] b, int from, int to) {
        if (to - from != 19 || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != 'T' && b[from + 10] != ' '
                || b[from + 13] != ':' || b[from + 16] != ':') {
            return false;
        }
        int y = digitsAt(b, from, from + 4), mo = digitsAt(b, from + 5, from + 7), d = digitsAt(b, from + 8, from + 10),
                h = digitsAt(b, from + 11, from + 13), mi = digitsAt(b, from + 14, from + 16), s = digitsAt(b, from + 17, from + 19);
        if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0) {
            return false;
        }
        return h <= 23 && mi <= 59 && s <= 59 && validDate(y, mo, d);
    }

    /** The rules of {@link KoreanRules#check} that can be decided on bytes; false = ask the general path. */
    static boolean korean(KoreanType type, byte[] b, int from, int to) {
        int len = to - from;
        return switch (type) {
            case YN -> len == 1 && (b[from] == 'Y' || b[from] == 'N');
            case DATE -> strictIso(b, from, to);
            case DATETIME -> (len == 16 || len == 19 && b[from + 16] == ':' && digitsAt(b, from + 17, to) >= 0)
                    && b[from + 4] == '-' && b[from + 7] == '-' && (b[from + 10] == ' ' || b[from + 10] == 'T')
                    && b[from + 13] == ':' && digitsAt(b, from, from + 4) >= 0 && digitsAt(b, from + 5, from + 7) >= 0
                    && digitsAt(b, from + 8, from + 10) >= 0 && digitsAt(b, from + 11, from + 13) >= 0
                    && digitsAt(b, from + 14, from + 16) >= 0;
            case RATE -> rate(b, from, to);
            case AMOUNT -> digitsAt9(b, len > 0 && b[from] == '-' ? from + 1 : from, to);
            case QUANTITY -> digitsAt9(b, from, to);
            case CODE -> code(b, from, to);
            case PHONE -> formattedPhone(b, from, to);
            case POSTAL_CODE -> len == 5 && digitsAt9(b, from, to);
            case BUSINESS_NUMBER -> businessNumber(b, from, to);
            case ADDRESS -> false;
        };
    }

    /** Non-empty run of ASCII digits (any length). */
    private static boolean digitsAt9(byte[] b, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean strictIso(byte[] b, int from, int to) {
        if (to - from != 10 || b[from + 4] != '-' || b[from + 7] != '-') {
            return false;
        }
        int y = digitsAt(b, from, from + 4), m = digitsAt(b, from + 5, from + 7), d = digitsAt(b, from + 8, from + 10);
        return y >= 1000 && m >= 0 && d >= 0 && validDate(y, m, d);
    }

    private static boolean rate(byte[] b, int from, int to) {
        int start = to > from && b[from] == '-' ? from + 1 : from;
        int dot = -1;
        for (int i = from; i < to; i++) {
            if (b[i] == '.') {
                dot = i;
                break;
            }
        }
        int intEnd = dot < 0 ? to : dot;
        if (intEnd - start < 1 || intEnd - start > 3 || !digitsAt9(b, start, intEnd)) {
            return false;
        }
        if (dot < 0) {
            return true;
        }
        int frac = to - dot - 1;
        return frac >= 1 && frac <= 2 && digitsAt9(b, dot + 1, to);
    }

    /** [0-9A-Za-z가-힣_.-]{1,50} on UTF-8 (or ASCII) bytes already known to be well-formed. */
    private static boolean code(byte[] b, int from, int to) {
        int n = 0;
        int i = from;
        while (i < to) {
            int c = b[i];
            if (c >= 0) {
                boolean ok = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == '.' || c == '-';
                if (!ok) {
                    return false;
                }
                i++;
            } else if ((c & 0xF0) == 0xE0 && i + 2 < to) {
                int cp = (c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | b[i + 2] & 0x3F;
                if (cp < 0xAC00 || cp > 0xD7A3) {
                    return false;
                }
                i += 3;
            } else {
                return false;
            }
            n++;
        }
        return n >= 1 && n <= 50;
    }

    /** KoreanRules' formatted-phone fast path: 02-XXX(X)-XXXX, 0[3-6][1-5]-XXX(X)-XXXX, 010-XXXX-XXXX. */
    private static boolean formattedPhone(byte[] b, int from, int to) {
        int n = to - from;
        if (n < 11 || n > 13 || b[from] != '0') {
            return false;
        }
        int a = -1;
        int c = -1;
        for (int i = from; i < to; i++) {
            if (b[i] == '-') {
                if (a < 0) {
                    a = i;
                } else if (c < 0) {
                    c = i;
                } else {
                    return false;
                }
            } else if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        if (a < 0 || c < 0 || a == from || c == a + 1 || c == to - 1) {
            return false;
        }
        int area = a - from;
        int mid = c - a - 1;
        int last = to - c - 1;
        if (last != 4 || mid < 3 || mid > 4) {
            return false;
        }
        boolean seoul = area == 2 && b[from + 1] == '2';
        boolean mobile = area == 3 && b[from + 1] == '1' && b[from + 2] == '0' && mid == 4;
        boolean regional = area == 3 && b[from + 1] >= '3' && b[from + 1] <= '6' && b[from + 2] >= '1' && b[from + 2] <= '5';
        return seoul || mobile || regional;
    }

    private static final int[] WEIGHTS = {1, 3, 7, 1, 3, 7, 1, 3, 5};

    /** 000-00-00000 with a valid check digit. */
    private static boolean businessNumber(byte[] b, int from, int to) {
        if (to - from != 12 || b[from + 3] != '-' || b[from + 6] != '-') {
            return false;
        }
        int sum = 0;
        int k = 0;
        int ninth = 0;
        int check = 0;
        for (int i = from; i < to; i++) {
            if (i == from + 3 || i == from + 6) {
                continue;
            }
            int v = b[i] - '0';
            if (v < 0 || v > 9) {
                return false;
            }
            if (k < 9) {
                sum += v * WEIGHTS[k];
                if (k == 8) {
                    ninth = v;
                }
            } else {
                check = v;
            }
            k++;
        }
        sum += ninth * 5 / 10;
        return (10 - sum % 10) % 10 == check;
    }
}
