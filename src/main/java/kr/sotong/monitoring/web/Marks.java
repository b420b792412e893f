package kr.sotong.monitoring.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/** Marks words in a text for display: the text is HTML-escaped, matches wrapped in {@code <mark class="…">}. */
final class Marks {

    private Marks() {
    }

    record Word(String word, String cssClass) {
    }

    static String mark(String text, Collection<Word> words) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        List<Word> sorted = new ArrayList<>(words.stream().filter(w -> w.word() != null && !w.word().isBlank()).toList());
        sorted.sort((a, b) -> b.word().length() - a.word().length());
        StringBuilder out = new StringBuilder();
        int i = 0;
        int plain = 0;
        while (i < text.length()) {
            Word hit = null;
            for (Word w : sorted) {
                if (text.regionMatches(true, i, w.word(), 0, w.word().length())) {
                    hit = w;
                    break;
                }
            }
            if (hit == null) {
                i++;
                continue;
            }
            out.append(HtmlUtils.htmlEscape(text.substring(plain, i)));
            out.append("<mark class=\"").append(hit.cssClass()).append("\">")
                    .append(HtmlUtils.htmlEscape(text.substring(i, i + hit.word().length()))).append("</mark>");
            i += hit.word().length();
            plain = i;
        }
        out.append(HtmlUtils.htmlEscape(text.substring(plain)));
        return out.toString();
    }
}
