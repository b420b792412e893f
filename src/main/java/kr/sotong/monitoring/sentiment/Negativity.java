package kr.sotong.monitoring.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import kr.sotong.monitoring.ingest.Texts;

/**
 * The rule-based negativity score (0–100) with its reasons. The lexicon ({@code monitoring/negativity-lexicon.tsv})
 * is written by this project. Rules:
 * <ol>
 *   <li>every occurrence of a lexicon word counts its weight (at most 3 occurrences per word in the body);</li>
 *   <li>position: ×2 in the title, ×1.5 in the lead (first 200 characters of the body);</li>
 *   <li>proximity: ×1.5 when the sentence also names the district (a relevance term);</li>
 *   <li>negation: an occurrence followed closely by 없/아니/않/무관 ("의혹은 사실이 아니다") does not count;</li>
 *   <li>score = 100 × (1 − e^(−max(0, Σ)/12)); positive words lower the sum.</li>
 * </ol>
 */
public final class Negativity {

    public record Entry(String word, int weight, String category) {
    }

    /** Why the score is what it is: which word, where, in which sentence, with which multiplier. */
    public record Reason(String word, String category, String where, double weight, String sentence, String note) {
    }

    public record Score(int score, double raw, List<Reason> reasons) {
    }

    private static final int LEAD = 200;
    private static final String[] NEGATORS = {"없", "아니", "않", "무관", "사실무근"};

    private final List<Entry> entries;

    public Negativity(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Negativity standard() {
        try (InputStream in = Negativity.class.getResourceAsStream("/monitoring/negativity-lexicon.tsv")) {
            return new Negativity(read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Entry> read(InputStream in) throws IOException {
        List<Entry> list = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split("\t");
            list.add(new Entry(p[0].strip(), Integer.parseInt(p[1].strip()), p.length > 2 ? p[2].strip() : ""));
        }
        return list;
    }

    public List<Entry> entries() {
        return entries;
    }

    public Score score(String title, String body, Collection<String> districtTerms) {
        List<Reason> reasons = new ArrayList<>();
        double raw = 0;
        String t = Texts.fold(title);
        String b = Texts.fold(body);
        List<String> terms = districtTerms.stream().map(Texts::fold).filter(s -> !s.isBlank()).toList();
        for (Entry e : entries) {
            String w = Texts.fold(e.word());
            raw += scan(e, w, t, "제목", 2.0, Integer.MAX_VALUE, 0, terms, reasons);
            raw += scan(e, w, b, null, 1.0, 3, LEAD, terms, reasons);
        }
        double clamped = Math.max(0, raw);
        int score = (int) Math.round(100 * (1 - Math.exp(-clamped / 12.0)));
        reasons.sort((x, y) -> Double.compare(Math.abs(y.weight()), Math.abs(x.weight())));
        return new Score(score, raw, reasons);
    }

    private static double scan(Entry e, String word, String text, String fixedWhere, double factor, int maxHits,
                               int lead, List<String> terms, List<Reason> out) {
        double sum = 0;
        int hits = 0;
        int from = 0;
        while (hits < maxHits) {
            int at = text.indexOf(word, from);
            if (at < 0) {
                break;
            }
            from = at + word.length();
            String sentence = sentence(text, at);
            String where = fixedWhere != null ? fixedWhere : at < lead ? "첫 문단" : "본문";
            double f = fixedWhere != null ? factor : at < lead ? 1.5 : 1.0;
            StringBuilder note = new StringBuilder();
            if (negated(text, from)) {
                out.add(new Reason(e.word(), e.category(), where, 0, sentence, "부정어가 뒤따라 제외"));
                continue;
            }
            if (e.weight() > 0 && terms.stream().anyMatch(sentence::contains)) {
                f *= 1.5;
                note.append("구 관련 어휘와 같은 문장(×1.5)");
            }
            double w = e.weight() * f;
            sum += w;
            hits++;
            out.add(new Reason(e.word(), e.category(), where, Math.round(w * 10) / 10.0, sentence, note.toString()));
        }
        return sum;
    }

    private static boolean negated(String text, int end) {
        String after = text.substring(end, Math.min(text.length(), end + 10));
        int stop = after.indexOf('.');
        if (stop >= 0) {
            after = after.substring(0, stop);
        }
        for (String n : NEGATORS) {
            if (after.contains(n)) {
                return true;
            }
        }
        return false;
    }

    private static String sentence(String text, int at) {
        int s = at;
        while (s > 0 && ".!?\n".indexOf(text.charAt(s - 1)) < 0 && at - s < 80) {
            s--;
        }
        int e = at;
        while (e < text.length() && ".!?\n".indexOf(text.charAt(e)) < 0 && e - at < 80) {
            e++;
        }
        return text.substring(s, Math.min(text.length(), e + (e < text.length() ? 1 : 0))).strip();
    }
}
