package kr.sotong.monitoring.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.LeafReaderContext;

/**
 * Lucene 9.12 + Nori implementation of {@link ArticleIndex}. Fields: {@code id} (term + doc value),
 * {@code title}/{@code body} (analysed, not stored), {@code outlet}, {@code sentiment}, {@code release},
 * {@code case}, {@code flagged} (exact terms for filters), {@code published} (point + doc value for range
 * filters and date sort). Thread-safe: one writer, near-real-time searchers.
 */
public final class LuceneArticleIndex implements ArticleIndex {

    static final String DICTIONARY_KEY = "sotong.dictionary";
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final Path path;
    private final double ramBufferMb;
    private volatile KoreanText text;
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private String fingerprint;

    public LuceneArticleIndex(Path path) {
        this(path, 64);
    }

    public LuceneArticleIndex(Path path, double ramBufferMb) {
        this.path = path;
        this.ramBufferMb = ramBufferMb;
    }

    @Override
    public synchronized boolean open(Collection<String> dictionaryTerms) {
        closeQuietly();
        text = KoreanText.withTerms(dictionaryTerms);
        fingerprint = fingerprint(text.dictionary());
        try {
            Files.createDirectories(path);
            directory = FSDirectory.open(path);
            boolean exists = DirectoryReader.indexExists(directory);
            boolean same = false;
            if (exists) {
                try (DirectoryReader r = DirectoryReader.open(directory)) {
                    same = fingerprint.equals(r.getIndexCommit().getUserData().get(DICTIONARY_KEY));
                }
            }
            openWriter(same ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
            return same;
        } catch (IOException e) {
            throw new UncheckedIOException("검색 색인을 열 수 없습니다: " + path, e);
        }
    }

    private void openWriter(IndexWriterConfig.OpenMode mode) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(text.analyzer());
        config.setOpenMode(mode);
        config.setRAMBufferSizeMB(ramBufferMb);
        config.setCommitOnClose(true);
        writer = new IndexWriter(directory, config);
        writer.setLiveCommitData(Map.of(DICTIONARY_KEY, fingerprint).entrySet());
        writer.commit();
        searchers = new SearcherManager(writer, null);
    }

    @Override
    public synchronized void reset(Collection<String> dictionaryTerms) {
        try {
            if (writer != null) {
                searchers.close();
                writer.rollback();
            }
            text = KoreanText.withTerms(dictionaryTerms);
            fingerprint = fingerprint(text.dictionary());
            if (directory == null) {
                Files.createDirectories(path);
                directory = FSDirectory.open(path);
            }
            openWriter(IndexWriterConfig.OpenMode.CREATE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fingerprint(List<String> entries) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update("v1|".getBytes(StandardCharsets.UTF_8));
            for (String e : entries) {
                md.update(e.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private IndexWriter writer() {
        IndexWriter w = writer;
        if (w == null) {
            throw new IllegalStateException("검색 색인이 열리지 않았습니다.");
        }
        return w;
    }

    /** Adds documents without committing (bulk loads); call {@link #commit()} at the end. */
    public void add(List<Doc> docs) {
        try {
            IndexWriter w = writer();
            for (Doc d : docs) {
                w.updateDocument(new Term("id", Long.toString(d.id())), document(d));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void commit() {
        try {
            writer().commit();
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void upsert(List<Doc> docs) {
        add(docs);
        commit();
    }

    /** Merges segments (after a bulk load). */
    public void forceMerge(int segments) {
        try {
            writer().forceMerge(segments);
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document document(Doc d) {
        Document doc = new Document();
        doc.add(new StringField("id", Long.toString(d.id()), Field.Store.NO));
        doc.add(new NumericDocValuesField("id", d.id()));
        doc.add(new TextField("title", nullToEmpty(d.title()), Field.Store.NO));
        doc.add(new TextField("body", nullToEmpty(d.body()), Field.Store.NO));
        if (d.outlet() != null) {
            doc.add(new StringField("outlet", d.outlet(), Field.Store.NO));
        }
        if (d.sentiment() != null) {
            doc.add(new StringField("sentiment", d.sentiment(), Field.Store.NO));
        }
        if (d.releaseId() != null) {
            doc.add(new StringField("release", Long.toString(d.releaseId()), Field.Store.NO));
        }
        if (d.caseIds() != null) {
            for (Long c : d.caseIds()) {
                doc.add(new StringField("case", Long.toString(c), Field.Store.NO));
            }
        }
        doc.add(new StringField("flagged", d.flagged() ? "1" : "0", Field.Store.NO));
        long millis = d.publishedAt() == null ? 0 : d.publishedAt().toEpochMilli();
        doc.add(new LongPoint("published", millis));
        doc.add(new NumericDocValuesField("published", millis));
        return doc;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void delete(long id) {
        try {
            writer().deleteDocuments(new Term("id", Long.toString(id)));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text part of a query, or null for none. */
    org.apache.lucene.search.Query textQuery(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        SimpleQueryParser parser = new SimpleQueryParser(text.analyzer(), Map.of("title", 2.0f, "body", 1.0f));
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        return parser.parse(KoreanText.normaliseSeparators(q));
    }

    org.apache.lucene.search.Query luceneQuery(Query q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        org.apache.lucene.search.Query tq = textQuery(q.text());
        if (tq != null) {
            b.add(tq, BooleanClause.Occur.MUST);
        } else {
            b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        if (q.from() != null || q.to() != null) {
            long from = q.from() == null ? Long.MIN_VALUE : q.from().atStartOfDay(SEOUL).toInstant().toEpochMilli();
            long to = q.to() == null ? Long.MAX_VALUE
                    : q.to().plusDays(1).atStartOfDay(SEOUL).toInstant().toEpochMilli() - 1;
            b.add(LongPoint.newRangeQuery("published", from, to), BooleanClause.Occur.FILTER);
        }
        filter(b, "outlet", q.outlet());
        filter(b, "sentiment", q.sentiment());
        filter(b, "release", q.releaseId() == null ? null : q.releaseId().toString());
        filter(b, "case", q.caseId() == null ? null : q.caseId().toString());
        filter(b, "flagged", q.flagged() == null ? null : (q.flagged() ? "1" : "0"));
        return b.build();
    }

    private static void filter(BooleanQuery.Builder b, String field, String value) {
        if (value != null && !value.isBlank()) {
            b.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
        }
    }

    @Override
    public Result search(Query q, TextSource texts) {
        IndexSearcher searcher = null;
        SearcherManager manager = searchers;
        try {
            searcher = manager.acquire();
            org.apache.lucene.search.Query query = luceneQuery(q);
            int n = q.offset() + q.limit();
            TopDocs top = q.sort() == Sort.DATE
                    ? searcher.search(query, n, new org.apache.lucene.search.Sort(
                    new SortField("published", SortField.Type.LONG, true), SortField.FIELD_SCORE))
                    : searcher.search(query, n);
            List<Long> ids = new ArrayList<>();
            List<Float> scores = new ArrayList<>();
            ScoreDoc[] sd = top.scoreDocs;
            for (int i = q.offset(); i < sd.length; i++) {
                ids.add(idOf(searcher, sd[i].doc));
                scores.add(Float.isNaN(sd[i].score) ? 0f : sd[i].score);
            }
            List<Hit> hits = highlight(q.text(), ids, scores, texts);
            return new Result(top.totalHits.value, top.totalHits.relation == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO,
                    hits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(manager, searcher);
        }
    }

    private static void release(SearcherManager manager, IndexSearcher searcher) {
        if (searcher != null) {
            try {
                manager.release(searcher);
            } catch (IOException ignored) {
                // closed meanwhile
            }
        }
    }

    private static long idOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues dv = leaf.reader().getNumericDocValues("id");
        int local = doc - leaf.docBase;
        if (dv != null && dv.advanceExact(local)) {
            return dv.longValue();
        }
        throw new IllegalStateException("document without id: " + doc);
    }

    private List<Hit> highlight(String q, List<Long> ids, List<Float> scores, TextSource texts) throws IOException {
        List<Hit> hits = new ArrayList<>(ids.size());
        org.apache.lucene.search.Query tq = textQuery(q);
        Map<Long, String[]> loaded = tq == null || texts == null || ids.isEmpty() ? Map.of() : texts.titleAndBody(ids);
        UnifiedHighlighter hl = tq == null ? null : UnifiedHighlighter.builderWithoutSearcher(text.analyzer())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(20_000).build();
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            String[] tb = loaded.get(id);
            String th = null;
            String bh = null;
            if (hl != null && tb != null) {
                th = toStringOrNull(hl.highlightWithoutSearcher("title", tq, tb[0], 1));
                bh = toStringOrNull(hl.highlightWithoutSearcher("body", tq, tb[1], 2));
            }
            hits.add(new Hit(id, scores.get(i), th, bh));
        }
        return hits;
    }

    /** Highlights matches of a query in any text (HTML-escaped, {@code <mark>}), or null when none match. */
    public String highlight(String q, String field, String content, int passages) {
        org.apache.lucene.search.Query tq = textQuery(q);
        if (tq == null || content == null) {
            return null;
        }
        try {
            UnifiedHighlighter hl = UnifiedHighlighter.builderWithoutSearcher(text.analyzer())
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                    .withMaxLength(200_000).build();
            return toStringOrNull(hl.highlightWithoutSearcher(field, tq, content, passages));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String toStringOrNull(Object o) {
        if (o == null) {
            return null;
        }
        String s = o.toString();
        return s.contains("<mark>") ? s : null;
    }

    @Override
    public List<Long> similar(long id, String title, String body, int max) {
        SearcherManager manager = searchers;
        IndexSearcher searcher = null;
        try {
            searcher = manager.acquire();
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(text.analyzer());
            mlt.setFieldNames(new String[] {"title", "body"});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMaxQueryTerms(30);
            mlt.setMinWordLen(2);
            org.apache.lucene.search.Query like = mlt.like("body",
                    new StringReader(nullToEmpty(title) + "\n" + nullToEmpty(title) + "\n" + nullToEmpty(body)));
            BooleanQuery q = new BooleanQuery.Builder().add(like, BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term("id", Long.toString(id))), BooleanClause.Occur.MUST_NOT).build();
            TopDocs top = searcher.search(q, max);
            List<Long> ids = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                ids.add(idOf(searcher, sd.doc));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(manager, searcher);
        }
    }

    @Override
    public List<String> analyze(String s) {
        return text.tokens(s);
    }

    public KoreanText koreanText() {
        return text;
    }

    @Override
    public long size() {
        SearcherManager manager = searchers;
        IndexSearcher searcher = null;
        try {
            searcher = manager.acquire();
            return searcher.getIndexReader().numDocs();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(manager, searcher);
        }
    }

    @Override
    public String backend() {
        return "Lucene " + org.apache.lucene.util.Version.LATEST + " (Nori, " + path + ")";
    }

    private void closeQuietly() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.close();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException ignored) {
            // closing
        } finally {
            searchers = null;
            writer = null;
            directory = null;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
