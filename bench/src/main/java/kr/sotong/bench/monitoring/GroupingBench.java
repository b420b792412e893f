package kr.sotong.bench.monitoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import kr.sotong.monitoring.coverage.NearDuplicates;
import kr.sotong.monitoring.search.KoreanText;

/**
 * Coverage grouping of 30,000 articles: 1,500 generated "press releases", each rewritten by 1–12 outlets (opening
 * sentence rewritten, 0–2 sentences dropped, 0–2 generic sentences added, sentence order partly shuffled),
 * the rest single articles ({@link ArticleGenerator}). Noun shingles are computed first (as at ingestion, timed
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
            ArticleGenerator.Article base = gen.next();
            String release = base.title() + "\n" + base.body() + " " + gen.next().body();
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
