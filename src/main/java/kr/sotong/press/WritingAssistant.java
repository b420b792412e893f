package kr.sotong.press;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.stereotype.Service;

/**
 * Writing help for drafters, all offline except the optional LLM: (a) checks — over-long title and
 * sentences, missing contact table, embargo before distribution, administrative jargon with plainer
 * words (행정용어 순화, a replaceable list); (b) an extractive summary (lead sentences) by TextRank over
 * Nori-tokenised sentences; (c) drafting through an OpenAI-compatible chat API when one is configured.
 */
@Service
public class WritingAssistant {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。])\\s+|(?<=다\\.)|(?<=[.!?])$");
    private static final Pattern MARKER = Pattern.compile("^\\s*(□|■|ㅇ|○|◦|•|-|※|\\*|[0-9]+\\.|[가-하]\\.)\\s*");

    private final Map<String, String> jargon;
    private final PressProperties properties;
    private final LlmProvider llm;
    private final Clock clock;
    private final Analyzer analyzer = new KoreanAnalyzer();

    WritingAssistant(PressProperties properties, LlmProvider llm, Clock clock) {
        this.properties = properties;
        this.llm = llm;
        this.clock = clock;
        this.jargon = loadJargon(properties.jargonFile());
    }

    static Map<String, String> loadJargon(String file) {
        try (InputStream in = file == null || file.isBlank()
                ? WritingAssistant.class.getResourceAsStream("/press/jargon.tsv")
                : Files.newInputStream(Path.of(file))) {
            if (in == null) {
                return Map.of();
            }
            return parseJargon(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("행정용어 목록을 읽을 수 없습니다: " + file, e);
        }
    }

    static Map<String, String> parseJargon(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            if (parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank()) {
                m.put(parts[0].strip(), parts[1].strip());
            }
        }
        return Map.copyOf(m);
    }

    public Map<String, String> jargon() {
        return jargon;
    }

    /** One finding of the checks. {@code severity}: WARNING or ERROR. */
    public record Finding(String code, String severity, String message) {
    }

    public List<Finding> check(ReleaseDraft d) {
        List<Finding> out = new ArrayList<>();
        String title = d.title() == null ? "" : d.title().strip();
        if (title.isEmpty()) {
            out.add(new Finding("title.missing", "ERROR", "제목이 없습니다."));
        } else if (title.codePointCount(0, title.length()) > properties.titleMaxLength()) {
            out.add(new Finding("title.long", "WARNING", "제목이 " + title.codePointCount(0, title.length()) + "자입니다. "
                    + properties.titleMaxLength() + "자 이내로 줄이면 기사 제목으로 쓰이기 쉽습니다."));
        }
        for (String s : sentences(d.body() == null ? "" : d.body())) {
            int len = s.codePointCount(0, s.length());
            if (len > properties.sentenceMaxLength()) {
                out.add(new Finding("sentence.long", "WARNING", "문장이 " + len + "자로 깁니다(" + properties.sentenceMaxLength()
                        + "자 이내 권장): \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\""));
            }
        }
        List<String> missing = new ArrayList<>();
        if (blank(d.department())) {
            missing.add("담당 부서");
        }
        if (blank(d.contactName())) {
            missing.add("담당자");
        }
        if (blank(d.contactPhone())) {
            missing.add("전화");
        }
        if (!missing.isEmpty()) {
            out.add(new Finding("contact.missing", "ERROR", "연락처 표에 " + String.join(", ", missing) + "이(가) 없습니다."));
        }
        if (d.distributeAt() != null && d.embargoUntil() != null && d.embargoUntil().isBefore(d.distributeAt())) {
            out.add(new Finding("embargo.before-distribution", "ERROR", "보도 시점이 배포 일시보다 앞섭니다."));
        }
        if (d.embargoUntil() != null && !d.embargoUntil().isAfter(Instant.now(clock))) {
            out.add(new Finding("embargo.past", "ERROR", "보도 시점이 이미 지났습니다."));
        }
        String all = title + "\n" + (d.subtitle() == null ? "" : d.subtitle()) + "\n" + (d.body() == null ? "" : d.body());
        for (Map.Entry<String, String> j : jargon.entrySet()) {
            if (all.contains(j.getKey())) {
                out.add(new Finding("jargon", "WARNING", "'" + j.getKey() + "' → '" + j.getValue() + "'(으)로 쉽게 써 보세요."));
            }
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Sentences of the body, without the □ / ㅇ / - / ※ markers. */
    static List<String> sentences(String body) {
        List<String> out = new ArrayList<>();
        for (String line : body.split("\\R")) {
            String l = MARKER.matcher(line).replaceFirst("").strip();
            if (l.isEmpty()) {
                continue;
            }
            for (String s : SENTENCE_END.split(l)) {
                String t = s.strip();
                if (t.length() >= 2) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Content words of a sentence by Nori (particles and endings removed). */
    Set<String> words(String sentence) {
        Set<String> words = new HashSet<>();
        try (TokenStream ts = analyzer.tokenStream("body", sentence)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (term.length() > 1 || Character.isDigit(term.charAt(0))) {
                    words.add(term.toString());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /**
     * Extractive summary: TextRank (PageRank over sentence similarity = shared words / (log|A| + log|B|))
     * picks the {@code count} most central sentences, returned in their original order.
     */
    public List<String> summary(String body, int count) {
        List<String> sentences = sentences(body == null ? "" : body);
        int n = sentences.size();
        if (n <= count) {
            return sentences;
        }
        List<Set<String>> words = sentences.stream().map(this::words).toList();
        double[][] w = new double[n][n];
        double[] outWeight = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Set<String> a = words.get(i);
                Set<String> b = words.get(j);
                if (a.isEmpty() || b.isEmpty()) {
                    continue;
                }
                long common = a.stream().filter(b::contains).count();
                if (common == 0) {
                    continue;
                }
                double denom = Math.log(a.size() + 1) + Math.log(b.size() + 1);
                double sim = common / denom;
                w[i][j] = sim;
                w[j][i] = sim;
                outWeight[i] += sim;
                outWeight[j] += sim;
            }
        }
        double d = 0.85;
        double[] score = new double[n];
        java.util.Arrays.fill(score, 1.0);
        for (int iter = 0; iter < 50; iter++) {
            double[] next = new double[n];
            double delta = 0;
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    if (w[j][i] > 0 && outWeight[j] > 0) {
                        sum += w[j][i] / outWeight[j] * score[j];
                    }
                }
                next[i] = (1 - d) + d * sum;
                delta += Math.abs(next[i] - score[i]);
            }
            score = next;
            if (delta < 1e-6) {
                break;
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        final double[] s = score;
        java.util.Arrays.sort(order, (x, y) -> s[y] != s[x] ? Double.compare(s[y], s[x]) : Integer.compare(x, y));
        List<Integer> chosen = new ArrayList<>(List.of(order).subList(0, count));
        chosen.sort(Integer::compare);
        return chosen.stream().map(sentences::get).toList();
    }

    // ---------- LLM drafting ----------

    public boolean llmConfigured() {
        return llm.configured();
    }

    /** Drafts a release text from the drafter's notes with the configured chat model. */
    public String draftWithLlm(String notes) {
        String material = Texts.required("초안 자료", notes, 8000);
        return llm.complete("""
                당신은 서울특별시 금천구청 언론팀의 보도자료 작성 도우미입니다. 정부 표준 보도자료 형식으로 작성하세요:
                첫 줄에 제목, 다음 줄에 '- 부제 -', 그다음 본문은 □(핵심), ㅇ(세부), -(보충), ※(참고) 기호로 단계를 나눕니다.
                사실은 자료에 있는 것만 쓰고, 쉬운 우리말을 쓰며, 한 문장은 짧게 씁니다.""", material);
    }
}
