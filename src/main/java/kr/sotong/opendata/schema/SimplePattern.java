package kr.sotong.opendata.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The common shape of Table Schema {@code pattern}s — a sequence of ASCII literals, {@code \d} and simple
 * classes such as {@code [0-9A-Z_]}, each with an optional greedy quantifier ({@code ? * + {n} {n,} {n,m}}) —
 * matched on ASCII bytes without a regex engine. {@link #compile} returns null for anything else (groups,
 * alternation, anchors, negated classes, other escapes, lazy or possessive quantifiers …), which stays with
 * {@link java.util.regex.Pattern}. For such a pattern, whole-string matching is plain language membership, which
 * this computes exactly (the set of reachable positions after each element).
 */
final class SimplePattern {

    /** Longest cell matched here; longer ones go to the regex. */
    static final int MAX_LENGTH = 63;

    private final boolean[][] sets;
    private final int[] min;
    private final int[] max;

    private SimplePattern(boolean[][] sets, int[] min, int[] max) {
        this.sets = sets;
        this.min = min;
        this.max = max;
    }

    private static final String META = "\\^$.|?*+()[]{}";

    static SimplePattern compile(String regex) {
        List<boolean[]> sets = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        int i = 0;
        int n = regex.length();
        while (i < n) {
            char c = regex.charAt(i);
            boolean[] set = new boolean[128];
            if (c == '[') {
                int close = parseClass(regex, i + 1, set);
                if (close < 0) {
                    return null;
                }
                i = close + 1;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    return null;
                }
                char e = regex.charAt(i + 1);
                if (e == 'd') {
                    fill(set, '0', '9');
                } else if (e < 128 && META.indexOf(e) >= 0 || e == '-') {
                    set[e] = true;
                } else {
                    return null;
                }
                i += 2;
            } else if (c >= 0x20 && c < 0x7F && META.indexOf(c) < 0) {
                set[c] = true;
                i++;
            } else {
                return null;
            }
            int lo = 1;
            int hi = 1;
            if (i < n) {
                char q = regex.charAt(i);
                if (q == '?' || q == '*' || q == '+') {
                    lo = q == '+' ? 1 : 0;
                    hi = q == '?' ? 1 : Integer.MAX_VALUE;
                    i++;
                } else if (q == '{') {
                    int close = regex.indexOf('}', i);
                    if (close < 0) {
                        return null;
                    }
                    String body = regex.substring(i + 1, close);
                    if (!body.matches("[0-9]{1,6}(,[0-9]{0,6})?")) {
                        return null;
                    }
                    int comma = body.indexOf(',');
                    lo = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
                    hi = comma < 0 ? lo : comma == body.length() - 1 ? Integer.MAX_VALUE : Integer.parseInt(body.substring(comma + 1));
                    if (lo > hi) {
                        return null;
                    }
                    i = close + 1;
                }
                if (i < n && (regex.charAt(i) == '?' || regex.charAt(i) == '+' || regex.charAt(i) == '*' || regex.charAt(i) == '{')) {
                    return null; // lazy, possessive or stacked quantifiers
                }
            }
            sets.add(set);
            counts.add(new int[] {lo, hi});
        }
        int[] min = new int[counts.size()];
        int[] max = new int[counts.size()];
        for (int k = 0; k < min.length; k++) {
            min[k] = counts.get(k)[0];
            max[k] = counts.get(k)[1];
        }
        return new SimplePattern(sets.toArray(new boolean[0][]), min, max);
    }

    /** Index of the closing bracket of a class starting at {@code from}, or -1 when the class is not a simple one. */
    private static int parseClass(String regex, int from, boolean[] set) {
        int n = regex.length();
        int i = from;
        boolean any = false;
        while (i < n) {
            char c = regex.charAt(i);
            if (c == ']' && any) {
                return i;
            }
            if (c == '-' && (i == from || i + 1 < n && regex.charAt(i + 1) == ']')) {
                set['-'] = true;
                i++;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    return -1;
                }
                char e = regex.charAt(i + 1);
                if (e == 'd') {
                    fill(set, '0', '9');
                } else if (e == '-' || e == '.' || e == '\\' || e == ']' || e == '[') {
                    set[e] = true;
                } else {
                    return -1;
                }
                i += 2;
            } else if (Character.isLetterOrDigit(c) && c < 128) {
                if (i + 2 < n && regex.charAt(i + 1) == '-' && regex.charAt(i + 2) != ']') {
                    char hi = regex.charAt(i + 2);
                    if (!(Character.isLetterOrDigit(hi) && hi < 128) || hi < c) {
                        return -1;
                    }
                    fill(set, c, hi);
                    i += 3;
                } else {
                    set[c] = true;
                    i++;
                }
            } else if (c == '_' || c == '.' || c == ' ' || c == ',' || c == ':' || c == '/' || c == '@') {
                set[c] = true;
                i++;
            } else {
                return -1;
            }
            any = true;
        }
        return -1;
    }

    private static void fill(boolean[] set, char lo, char hi) {
        for (char c = lo; c <= hi; c++) {
            set[c] = true;
        }
    }

    /** Whole-cell match of ASCII bytes, at most {@link #MAX_LENGTH} long. */
    boolean matches(byte[] b, int from, int to) {
        int len = to - from;
        long reach = 1L; // bit p: the elements so far can end at offset p
        for (int k = 0; k < sets.length && reach != 0; k++) {
            boolean[] set = sets[k];
            long next = 0;
            for (int p = 0; p <= len; p++) {
                if ((reach & (1L << p)) == 0) {
                    continue;
                }
                int count = 0;
                int q = p;
                while (true) {
                    if (count >= min[k]) {
                        next |= 1L << q;
                    }
                    if (count == max[k] || q == len || !set[b[from + q]]) {
                        break;
                    }
                    q++;
                    count++;
                }
            }
            reach = next;
        }
        return (reach & (1L << len)) != 0;
    }
}
