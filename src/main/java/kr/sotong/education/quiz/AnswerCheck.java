package kr.sotong.education.quiz;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compares a typed answer with the accepted answers leniently, the way people type on a phone: Unicode NFKC
 * (full-width digits), case, spaces and punctuation are ignored ("02-2627-2114" = "0226272114", "민원 24" = "민원24").
 */
public final class AnswerCheck {

    private AnswerCheck() {
    }

    public static String normalise(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        n.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** Accepted answers, one per line. */
    public static List<String> accepted(String lines) {
        return Arrays.stream(lines == null ? new String[0] : lines.split("\\R")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    public static boolean matches(String answer, String acceptedLines) {
        String a = normalise(answer);
        return !a.isEmpty() && accepted(acceptedLines).stream().map(AnswerCheck::normalise).anyMatch(a::equals);
    }
}
