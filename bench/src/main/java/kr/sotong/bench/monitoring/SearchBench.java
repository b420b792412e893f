package kr.sotong.bench.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.sotong.monitoring.search.ArticleIndex;
import kr.sotong.monitoring.search.LuceneArticleIndex;

/**
 * Search latency on a large generated corpus ({@link ArticleGenerator}, seed 42): builds the index with
 * {@link LuceneArticleIndex} (two indexing threads), then runs a warm-up and a measured mix of queries — 60 %
 * place + topic (e.g. "독산동 도서관", AND, by relevance), 20 % the same with a date range sorted by date,
 * 10 % one term ("금천구청"), 10 % a term with sentiment and outlet filters — top 20, without highlighting;
 * a second pass measures the same with highlighting of the page (texts from memory).
 * <pre>bench/run kr.sotong.bench.monitoring.SearchBench [articles=1000000] [queries=2000] [indexDir]</pre>
 */
public final class SearchBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("bench-search-");
        List<String> terms = List.of("금천구", "금천구청", "가산디지털단지", "G밸리", "독산동", "시흥동", "가산동", "금천구의회");
        Map<Long, String[]> texts = new HashMap<>();
        try (LuceneArticleIndex index = new LuceneArticleIndex(dir, 128)) {
            boolean kept = index.open(terms);
            if (!kept || index.size() < n) {
                if (kept) {
                    index.reset(terms);
                }
                long t0 = System.nanoTime();
                ArticleGenerator gen = new ArticleGenerator(42);
                ExecutorService pool = Executors.newFixedThreadPool(2);
                List<Future<?>> pending = new ArrayList<>();
                for (int done = 0; done < n; ) {
                    int size = Math.min(5000, n - done);
                    List<ArticleIndex.Doc> batch = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        batch.add(IndexingBench.doc(gen.next()));
                    }
                    done += size;
                    pending.add(pool.submit(() -> index.add(batch)));
                    if (pending.size() > 4) {
                        pending.remove(0).get();
                    }
                }
                for (Future<?> f : pending) {
                    f.get();
                }
                pool.shutdown();
                index.commit();
                System.out.printf("indexed %,d articles in %.0f s (%,.0f docs/s)%n", n, (System.nanoTime() - t0) / 1e9,
                        n / ((System.nanoTime() - t0) / 1e9));
                long m0 = System.nanoTime();
                index.forceMerge(5);
                System.out.printf("merged to 5 segments in %.0f s%n", (System.nanoTime() - m0) / 1e9);
            } else {
                System.out.printf("reusing index with %,d articles in %s%n", index.size(), dir);
            }
            // texts for the highlighting pass: regenerate the first 200k (hits outside get no highlight)
            ArticleGenerator gen = new ArticleGenerator(42);
            for (int i = 0; i < Math.min(n, 200_000); i++) {
                ArticleGenerator.Article a = gen.next();
                texts.put(a.id(), new String[] {a.title(), a.body()});
            }
            ArticleIndex.TextSource source = ids -> {
                Map<Long, String[]> m = new HashMap<>();
                for (Long id : ids) {
                    String[] t = texts.get(id);
                    if (t != null) {
                        m.put(id, t);
                    }
                }
                return m;
            };
            List<ArticleIndex.Query> mix = mix(new Random(7), queries + 500);
            for (int i = 0; i < 500; i++) {
                index.search(mix.get(i), null);
            }
            long[] plain = run(index, mix.subList(500, mix.size()), null);
            long[] highlighted = run(index, mix.subList(500, mix.size()), source);
            System.out.printf("size %,d docs; %d queries%n", index.size(), queries);
            report("search (no highlight)", plain);
            report("search + highlight of the page", highlighted);
        }
    }

    static List<ArticleIndex.Query> mix(Random r, int count) {
        List<ArticleIndex.Query> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int kind = r.nextInt(10);
            String place = ArticleGenerator.PLACES[r.nextInt(ArticleGenerator.PLACES.length)];
            String topic = ArticleGenerator.TOPICS[r.nextInt(ArticleGenerator.TOPICS.length)][0];
            if (kind < 6) {
                list.add(ArticleIndex.Query.text(place + " " + topic));
            } else if (kind < 8) {
                LocalDate from = LocalDate.of(2020 + r.nextInt(5), 1 + r.nextInt(12), 1);
                list.add(new ArticleIndex.Query(place + " " + topic, from, from.plusMonths(6), null, null, null, null, null,
                        ArticleIndex.Sort.DATE, 0, 20));
            } else if (kind < 9) {
                list.add(ArticleIndex.Query.text(place));
            } else {
                list.add(new ArticleIndex.Query(topic, null, null,
                        ArticleGenerator.OUTLETS[r.nextInt(ArticleGenerator.OUTLETS.length)], "NEUTRAL", null, null, null, null, 0, 20));
            }
        }
        return list;
    }

    static long[] run(LuceneArticleIndex index, List<ArticleIndex.Query> queries, ArticleIndex.TextSource texts) {
        long[] micros = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long t0 = System.nanoTime();
            index.search(queries.get(i), texts);
            micros[i] = (System.nanoTime() - t0) / 1000;
        }
        Arrays.sort(micros);
        return micros;
    }

    static void report(String what, long[] sorted) {
        System.out.printf("%s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), sorted[sorted.length - 1] / 1000.0);
    }

    static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }
}
