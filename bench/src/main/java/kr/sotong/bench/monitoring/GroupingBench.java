package kr.sotong.bench.monitoring;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import kr.sotong.monitoring.coverage.NearDuplicates;
import kr.sotong.monitoring.search.KoreanText;

/**
 * Coverage grouping of 30,000 articles: generated "press releases" ({@link #story}: 7–10 sentences of random
 * district nouns from 40 × 50 compounds, places and predicates), a quarter of them rewritten by 1–12 outlets
 * (opening sentence rewritten, 0–2 sentences dropped, 0–2 generic sentences from {@link ArticleGenerator} added,
 * two sentences swapped), the rest single articles. Noun shingles are computed first (as at ingestion, timed
 * separately); then the grouping itself — MinHash (120 hashes), LSH (40 bands × 3 rows), exact-Jaccard confirmation
 * and union-find — is timed against the anchor, exact all-pairs Jaccard (inverted index), at threshold 0.5, once
 * with the application's candidate rule (keys agree in at least one band) and once requiring two bands.
 * With {@code --cache-shingles} the shingle sets are written to {@code target/grouping-shingles-<n>-<hash of the
 * texts>.bin} and read back by later runs (Nori takes minutes for 30,000 articles on a loaded machine); grouping,
 * anchor and recall are still computed in every run.
 * <pre>bench/run kr.sotong.bench.monitoring.GroupingBench [--cache-shingles] [articles=30000] [threshold=0.5]</pre>
 */
public final class GroupingBench {

    public static void main(String[] args) throws IOException {
        List<String> positional = new ArrayList<>(List.of(args));
        boolean cacheShingles = positional.remove("--cache-shingles");
        int n = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 30_000;
        double threshold = positional.size() > 1 ? Double.parseDouble(positional.get(1)) : 0.5;
        Random r = new Random(11);
        ArticleGenerator gen = new ArticleGenerator(99);
        List<String> texts = new ArrayList<>(n);
        while (texts.size() < n) {
            String release = story(r);
            int copies = r.nextInt(4) == 0 ? 1 + r.nextInt(12) : 0;
            texts.add(release);
            for (int c = 0; c < copies && texts.size() < n; c++) {
                texts.add(rewrite(release, r, gen));
            }
        }
        KoreanText kt = KoreanText.withTerms(List.of("금천구", "금천구청", "가산디지털단지", "G밸리"));
        Path cache = cacheShingles ? Path.of("target", "grouping-shingles-" + n + "-" + Integer.toHexString(texts.hashCode()) + ".bin") : null;
        long t0 = System.nanoTime();
        List<int[]> sets = cache != null && Files.exists(cache) ? readShingles(cache) : null;
        boolean cached = sets != null;
        if (sets == null) {
            sets = new ArrayList<>(n);
            for (String t : texts) {
                sets.add(NearDuplicates.shingles(kt.nouns(t)));
            }
            if (cache != null) {
                writeShingles(cache, sets);
            }
        }
        double shingleSecs = (System.nanoTime() - t0) / 1e9;

        long g0 = System.nanoTime();
        List<NearDuplicates.Pair> lsh = NearDuplicates.similarPairs(sets, threshold);
        List<List<Integer>> groups = NearDuplicates.groups(n, lsh);
        double groupSecs = (System.nanoTime() - g0) / 1e9;

        long g2 = System.nanoTime();
        List<NearDuplicates.Pair> lsh2 = NearDuplicates.similarPairs(sets, threshold, 2);
        List<List<Integer>> groups2 = NearDuplicates.groups(n, lsh2);
        double group2Secs = (System.nanoTime() - g2) / 1e9;

        long e0 = System.nanoTime();
        List<NearDuplicates.Pair> exact = NearDuplicates.exactPairs(sets, threshold);
        double exactSecs = (System.nanoTime() - e0) / 1e9;

        System.out.printf("articles %,d; noun shingles (Nori, at ingestion) %.1f s%s%n", n, shingleSecs,
                cached ? " (read from " + cache + ", computed by an earlier run)" : "");
        System.out.printf("exact all-pairs Jaccard >= %.2f: %.2f s, %,d pairs%n", threshold, exactSecs, exact.size());
        report("grouping, candidates sharing >= 1 band (as the application)", groupSecs, lsh, groups, exact, n);
        report("grouping, candidates sharing >= 2 bands", group2Secs, lsh2, groups2, exact, n);
    }

    private static void report(String what, double secs, List<NearDuplicates.Pair> lsh, List<List<Integer>> groups,
            List<NearDuplicates.Pair> exact, int n) {
        Set<Long> found = new HashSet<>();
        for (NearDuplicates.Pair p : lsh) {
            found.add((long) p.i() * n + p.j());
        }
        long hit = exact.stream().filter(p -> found.contains((long) p.i() * n + p.j())).count();
        System.out.printf("%s (MinHash+LSH+Jaccard+union-find): %.2f s (target < 5 s), %,d pairs, %,d groups;"
                + " recall of exact pairs %.2f %% (target >= 95 %%), false pairs: %d%n", what, secs, lsh.size(),
                groups.size(), exact.isEmpty() ? 100.0 : hit * 100.0 / exact.size(), lsh.size() - hit);
    }

    /** Shingle sets as: count, then per set its length and values (big-endian ints). */
    private static void writeShingles(Path file, List<int[]> sets) throws IOException {
        Files.createDirectories(file.getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(sets.size());
            for (int[] s : sets) {
                out.writeInt(s.length);
                for (int v : s) {
                    out.writeInt(v);
                }
            }
        }
    }

    private static List<int[]> readShingles(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int n = in.readInt();
            List<int[]> sets = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int[] s = new int[in.readInt()];
                for (int k = 0; k < s.length; k++) {
                    s[k] = in.readInt();
                }
                sets.add(s);
            }
            return sets;
        }
    }

    private static final String[] HEADS = {"청년", "주민", "안전", "복지", "교통", "환경", "문화", "교육", "보건", "일자리", "주거",
            "관광", "체육", "공원", "하천", "도로", "상권", "시장", "기업", "산업", "돌봄", "보육", "노인", "장애인", "가족", "여성",
            "청소년", "어린이", "반려동물", "재난", "방범", "에너지", "기후", "정보화", "데이터", "홍보", "소통", "민원", "예산", "감사"};
    private static final String[] TAILS = {"센터", "사업", "정책", "시설", "공모", "협약", "축제", "교실", "상담", "지원금", "조례",
            "계획", "설명회", "박람회", "캠페인", "점검", "공사", "개선", "확충", "운영", "평가", "위원회", "협의체", "플랫폼", "공간",
            "서비스", "프로그램", "강좌", "포럼", "조사", "대회", "행사", "쉼터", "도서관", "주차장", "정류장", "놀이터", "산책로",
            "전시", "공연", "채용", "바우처", "상품권", "쿠폰", "보험", "수당", "장학금", "봉사단", "동아리", "기금"};
    private static final String[] VERBS = {"추진한다", "마련했다", "시작했다", "확대한다", "선정했다", "발표했다", "개최했다",
            "운영한다", "지원한다", "완료했다", "점검했다", "모집한다"};

    /** A press-release-like story: 7–10 sentences of random district nouns, so different stories share little. */
    static String story(Random r) {
        StringBuilder sb = new StringBuilder();
        int sentences = 7 + r.nextInt(4);
        for (int s = 0; s < sentences; s++) {
            String place = ArticleGenerator.PLACES[r.nextInt(ArticleGenerator.PLACES.length)];
            sb.append(place).append("에서 ");
            int nouns = 2 + r.nextInt(3);
            for (int k = 0; k < nouns; k++) {
                sb.append(HEADS[r.nextInt(HEADS.length)]).append(TAILS[r.nextInt(TAILS.length)]).append(k + 1 < nouns ? "과 " : "을 ");
            }
            sb.append(1 + r.nextInt(300)).append("곳에서 ").append(VERBS[r.nextInt(VERBS.length)]).append(". ");
        }
        return sb.toString().strip();
    }

    static String rewrite(String release, Random r, ArticleGenerator gen) {
        List<String> sentences = new ArrayList<>(List.of(release.split("(?<=[.다])\\s+")));
        if (sentences.size() > 3) {
            sentences.set(0, "금천구에 따르면 " + sentences.get(0));
        }
        int drop = r.nextInt(3);
        for (int i = 0; i < drop && sentences.size() > 3; i++) {
            sentences.remove(1 + r.nextInt(sentences.size() - 1));
        }
        int add = r.nextInt(3);
        for (int i = 0; i < add; i++) {
            String[] extra = gen.next().body().split("(?<=[.다])\\s+");
            sentences.add(extra[extra.length - 1]);
        }
        if (r.nextBoolean() && sentences.size() > 4) {
            java.util.Collections.swap(sentences, 2, 3);
        }
        return String.join(" ", sentences);
    }
}
