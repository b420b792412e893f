package kr.sotong.bench.monitoring;

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
 * and union-find — is timed against the anchor, exact all-pairs Jaccard (inverted index), at threshold 0.5.
 * <pre>bench/run kr.sotong.bench.monitoring.GroupingBench [articles=30000] [threshold=0.5]</pre>
 */
public final class GroupingBench {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        double threshold = args.length > 1 ? Double.parseDouble(args[1]) : 0.5;
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
        long t0 = System.nanoTime();
        List<int[]> sets = new ArrayList<>(n);
        for (String t : texts) {
            sets.add(NearDuplicates.shingles(kt.nouns(t)));
        }
        double shingleSecs = (System.nanoTime() - t0) / 1e9;

        long g0 = System.nanoTime();
        List<NearDuplicates.Pair> lsh = NearDuplicates.similarPairs(sets, threshold);
        List<List<Integer>> groups = NearDuplicates.groups(n, lsh);
        double groupSecs = (System.nanoTime() - g0) / 1e9;

        long e0 = System.nanoTime();
        List<NearDuplicates.Pair> exact = NearDuplicates.exactPairs(sets, threshold);
        double exactSecs = (System.nanoTime() - e0) / 1e9;

        Set<Long> found = new HashSet<>();
        for (NearDuplicates.Pair p : lsh) {
            found.add((long) p.i() * n + p.j());
        }
        long hit = exact.stream().filter(p -> found.contains((long) p.i() * n + p.j())).count();
        System.out.printf("articles %,d; noun shingles (Nori, at ingestion) %.1f s%n", n, shingleSecs);
        System.out.printf("grouping (MinHash+LSH+Jaccard+union-find): %.2f s, %,d pairs, %,d groups (target < 5 s)%n",
                groupSecs, lsh.size(), groups.size());
        System.out.printf("exact all-pairs Jaccard >= %.2f: %.2f s, %,d pairs%n", threshold, exactSecs, exact.size());
        System.out.printf("recall of exact pairs: %.2f %% (target >= 95 %%), false pairs: %d%n",
                exact.isEmpty() ? 100.0 : hit * 100.0 / exact.size(), lsh.size() - hit);
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
