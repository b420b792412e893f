package kr.sotong.bench.monitoring;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kr.sotong.monitoring.search.ArticleIndex;
import kr.sotong.monitoring.search.LuceneArticleIndex;

/**
 * Search quality: recall@10 of our search (Lucene + Nori) against PostgreSQL full-text search with the
 * {@code 'simple'} configuration (GIN index on title + body, {@code plainto_tsquery}, ranked by {@code ts_rank}),
 * both over the same generated articles ({@link ArticleGenerator}, seed 42). The query set below was written for
 * this benchmark: place + topic, as staff type them. An article is relevant to a query when it was generated for
 * that place and topic. recall@10 = |top 10 ∩ relevant| / min(10, |relevant|), averaged over the queries.
 * <pre>bench/run kr.sotong.bench.monitoring.SearchQualityBench [articles=20000]</pre>
 */
public final class SearchQualityBench {

    /** place index, topic index, the query as typed. */
    static final Object[][] QUERIES = {
            {2, 0, "독산동 도서관"}, {4, 1, "가산동 주차장"}, {1, 2, "가산디지털단지 청년창업"}, {3, 3, "시흥동 어린이집"},
            {0, 4, "금천구청 경로당"}, {7, 5, "안양천 공원"}, {5, 6, "G밸리 축제"}, {2, 7, "독산동 재개발"},
            {6, 8, "석수역 버스정류장"}, {0, 9, "금천구청 미세먼지"}, {7, 10, "안양천 하천"}, {0, 11, "금천구청 소식지"},
            {5, 12, "G밸리 일자리"}, {9, 13, "금천구의회 예산"}, {9, 14, "금천구의회 주민참여예산"}, {3, 15, "시흥동 디지털교육"},
            {0, 16, "금천구청 키오스크"}, {8, 17, "호암산 안전"}, {4, 18, "가산동 방범"}, {3, 19, "시흥동 보건소"},
            {2, 20, "독산동 복지관"}, {2, 21, "독산동 골목상권"}, {3, 22, "시흥동 전통시장"}, {4, 24, "가산동 주택"},
            {6, 25, "석수역 학교"}, {1, 29, "가산디지털단지 반려동물"}, {6, 32, "석수역 지하철"}, {0, 33, "금천구청 개청 30주년"},
            {9, 36, "금천구의회 특혜 의혹"}, {0, 39, "금천구청 표창"}};

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        List<ArticleGenerator.Article> articles = new ArticleGenerator(42).articles(n);
        List<String> terms = List.of("금천구", "금천구청", "가산디지털단지", "G밸리", "독산동", "시흥동", "가산동", "금천구의회");
        Path dir = Files.createTempDirectory("bench-quality-");
        try (LuceneArticleIndex index = new LuceneArticleIndex(dir);
             EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
             Connection c = pg.getPostgresDatabase().getConnection()) {
            index.open(terms);
            List<ArticleIndex.Doc> docs = new ArrayList<>();
            for (ArticleGenerator.Article a : articles) {
                docs.add(IndexingBench.doc(a));
            }
            index.upsert(docs);
            try (Statement s = c.createStatement()) {
                s.execute("create table art (id bigint primary key, title text, body text, published timestamptz, "
                        + "tsv tsvector generated always as (to_tsvector('simple', title || ' ' || body)) stored)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("insert into art (id, title, body, published) values (?, ?, ?, ?)")) {
                for (ArticleGenerator.Article a : articles) {
                    ps.setLong(1, a.id());
                    ps.setString(2, a.title());
                    ps.setString(3, a.body());
                    ps.setTimestamp(4, Timestamp.from(a.publishedAt()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("create index art_tsv on art using gin (tsv)");
                s.execute("analyze art");
            }
            c.commit();
            double sumOurs = 0;
            double sumPg = 0;
            System.out.println("query | relevant | sotong@10 | pg-simple@10");
            for (Object[] q : QUERIES) {
                int place = (Integer) q[0];
                int topic = (Integer) q[1];
                String text = (String) q[2];
                Set<Long> relevant = new HashSet<>();
                for (ArticleGenerator.Article a : articles) {
                    if (ArticleGenerator.relevant(a, place, topic)) {
                        relevant.add(a.id());
                    }
                }
                List<Long> ours = index.search(new ArticleIndex.Query(text, null, null, null, null, null, null, null,
                        ArticleIndex.Sort.RELEVANCE, 0, 10), null).hits().stream().map(ArticleIndex.Hit::id).toList();
                List<Long> pgIds = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("select id from art, plainto_tsquery('simple', ?) q "
                        + "where tsv @@ q order by ts_rank(tsv, q) desc, id limit 10")) {
                    ps.setString(1, text);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            pgIds.add(rs.getLong(1));
                        }
                    }
                }
                double denom = Math.max(1, Math.min(10, relevant.size()));
                double ro = ours.stream().filter(relevant::contains).count() / denom;
                double rp = pgIds.stream().filter(relevant::contains).count() / denom;
                sumOurs += ro;
                sumPg += rp;
                System.out.printf("%s | %d | %.2f | %.2f%n", text, relevant.size(), ro, rp);
            }
            System.out.printf("mean recall@10 over %d queries, %,d articles: sotong (Lucene+Nori) %.3f, PostgreSQL FTS 'simple' %.3f%n",
                    QUERIES.length, n, sumOurs / QUERIES.length, sumPg / QUERIES.length);
        }
        IndexingBench.delete(dir);
    }
}
