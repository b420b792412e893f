package kr.sotong.monitoring.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The full-text index of articles. The Lucene implementation ({@link LuceneArticleIndex}) keeps it under
 * {@code ${sotong.home}/index/monitoring}; an OpenSearch implementation with analysis-nori can replace it
 * (index settings and mapping in {@code src/main/resources/monitoring/opensearch-index.json}: the same user
 * dictionary, decompound mode, stop tags and separator mappings). The database is the source of truth: the
 * index only holds what is needed to find and rank article ids, and can be rebuilt from it at any time.
 */
public interface ArticleIndex extends AutoCloseable {

    /** What is indexed of an article. {@code sentiment} is the staff label, else the predicted class. */
    record Doc(long id, String title, String body, String outlet, Instant publishedAt, String sentiment,
               Long releaseId, List<Long> caseIds, boolean flagged) {
    }

    enum Sort { RELEVANCE, DATE }

    /** A search: free text (AND of terms, "phrases", -exclusions, a|b) plus filters; all parts optional. */
    record Query(String text, LocalDate from, LocalDate to, String outlet, String sentiment, Long releaseId,
                 Long caseId, Boolean flagged, Sort sort, int offset, int limit) {
        public Query {
            sort = sort == null ? (text == null || text.isBlank() ? Sort.DATE : Sort.RELEVANCE) : sort;
            offset = Math.max(0, offset);
            limit = limit <= 0 ? 20 : Math.min(limit, 200);
        }

        public static Query text(String text) {
            return new Query(text, null, null, null, null, null, null, null, null, 0, 20);
        }
    }

    /** Highlights are HTML-escaped text with {@code <mark>} around matches (null when nothing matched). */
    record Hit(long id, float score, String titleHighlight, String bodyHighlight) {
    }

    /** @param totalIsLowerBound true when more than {@code total} documents matched (counting stopped early) */
    record Result(long total, boolean totalIsLowerBound, List<Hit> hits) {
    }

    /** Title and body of articles by id, for highlighting (the index does not store text). */
    interface TextSource {
        Map<Long, String[]> titleAndBody(Collection<Long> ids);
    }

    /**
     * Opens the index for the given user-dictionary terms. Returns false when the index was empty or built
     * with another dictionary: it is then cleared and the caller must re-add every article.
     */
    boolean open(Collection<String> dictionaryTerms);

    /** Adds or replaces documents (by id) and makes them searchable. */
    void upsert(List<Doc> docs);

    void delete(long id);

    Result search(Query query, TextSource texts);

    /** Articles most like the given text (excluding {@code id}), best first. */
    List<Long> similar(long id, String title, String body, int max);

    /** Empties the index and switches to a new dictionary; re-add every article afterwards. */
    void reset(Collection<String> dictionaryTerms);

    /** Tokens the index's analyzer makes of a text (for the terms page and tests). */
    List<String> analyze(String text);

    long size();

    /** e.g. "Lucene 9.12.3 (Nori)". */
    String backend();

    @Override
    void close();
}
