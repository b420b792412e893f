package kr.sotong.bench.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kr.sotong.monitoring.search.ArticleIndex;
import kr.sotong.monitoring.search.LuceneArticleIndex;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Indexing throughput of {@link LuceneArticleIndex} (our analysis: separator mapping, Nori with the user dictionary,
 * MIXED decompounding, POS stop filter, reading form, lower case; id/outlet/sentiment/release/date fields) against
 * the anchor, raw Lucene with the stock {@code KoreanAnalyzer} indexing title and body of the same articles.
 * Same RAM buffer, one thread each, commit at the end, alternating runs; the database read of the app's indexer
 * is not part of either.
 * <pre>bench/run kr.sotong.bench.monitoring.IndexingBench [articles=100000] [rounds=2]</pre>
 */
public final class IndexingBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        List<ArticleGenerator.Article> articles = new ArticleGenerator(42).articles(n);
        long chars = articles.stream().mapToLong(a -> a.title().length() + a.body().length()).sum();
        System.out.printf("corpus: %,d articles, %,d characters (%.1f MB UTF-8)%n", n, chars,
                articles.stream().mapToLong(a -> (a.title() + a.body()).getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum() / 1e6);
        List<String> terms = List.of("금천구", "금천구청", "가산디지털단지", "G밸리", "독산동", "시흥동", "가산동", "금천구의회");
        List<Double> raw = new ArrayList<>();
        List<Double> ours = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            raw.add(raw(articles));
            ours.add(ours(articles, terms));
            System.out.printf("round %d: raw KoreanAnalyzer %,.0f docs/s, sotong %,.0f docs/s%n", r + 1, raw.get(r), ours.get(r));
        }
        double bestRaw = raw.stream().mapToDouble(d -> d).max().orElseThrow();
        double bestOurs = ours.stream().mapToDouble(d -> d).max().orElseThrow();
        System.out.printf("best: raw %,.0f docs/s, sotong %,.0f docs/s, ratio %.2f (target >= 0.70)%n", bestRaw, bestOurs,
                bestOurs / bestRaw);
    }

    static double raw(List<ArticleGenerator.Article> articles) throws Exception {
        Path dir = Files.createTempDirectory("bench-raw-");
        long t0 = System.nanoTime();
        try (FSDirectory d = FSDirectory.open(dir);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new KoreanAnalyzer()).setRAMBufferSizeMB(64))) {
            for (ArticleGenerator.Article a : articles) {
                Document doc = new Document();
                doc.add(new TextField("title", a.title(), Field.Store.NO));
                doc.add(new TextField("body", a.body(), Field.Store.NO));
                w.addDocument(doc);
            }
            w.commit();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        delete(dir);
        return articles.size() / secs;
    }

    static double ours(List<ArticleGenerator.Article> articles, List<String> terms) throws Exception {
        Path dir = Files.createTempDirectory("bench-sotong-");
        long t0 = System.nanoTime();
        try (LuceneArticleIndex index = new LuceneArticleIndex(dir, 64)) {
            index.open(terms);
            List<ArticleIndex.Doc> batch = new ArrayList<>(1000);
            for (ArticleGenerator.Article a : articles) {
                batch.add(doc(a));
                if (batch.size() == 1000) {
                    index.add(batch);
                    batch.clear();
                }
            }
            index.add(batch);
            index.commit();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        delete(dir);
        return articles.size() / secs;
    }

    static ArticleIndex.Doc doc(ArticleGenerator.Article a) {
        return new ArticleIndex.Doc(a.id(), a.title(), a.body(), a.outlet(), a.publishedAt(),
                a.topic() >= 36 ? "NEGATIVE" : "NEUTRAL", a.id() % 7 == 0 ? a.id() / 7 : null, List.of(), a.topic() == 36);
    }

    static void delete(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
