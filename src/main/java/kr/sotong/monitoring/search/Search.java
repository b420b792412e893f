package kr.sotong.monitoring.search;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.sotong.monitoring.ingest.Article;
import kr.sotong.monitoring.ingest.Articles;
import org.springframework.stereotype.Service;

/** Searches the index and joins the hits with the stored articles. */
@Service
public class Search {

    public record Item(Article article, float score, String titleHighlight, String bodyHighlight) {
    }

    public record Page(long total, boolean totalIsLowerBound, List<Item> items, ArticleIndex.Query query) {
        public int pageCount() {
            return (int) Math.min(50, (total + query.limit() - 1) / query.limit());
        }

        public int page() {
            return query.offset() / query.limit() + 1;
        }
    }

    private final Indexer indexer;
    private final Articles articles;

    Search(Indexer indexer, Articles articles) {
        this.indexer = indexer;
        this.articles = articles;
    }

    public Page search(ArticleIndex.Query q) {
        ArticleIndex.Result r = indexer.index().search(q, indexer.texts());
        Map<Long, Article> byId = articles.byIds(r.hits().stream().map(ArticleIndex.Hit::id).toList()).stream()
                .collect(Collectors.toMap(Article::id, Function.identity()));
        List<Item> items = r.hits().stream().filter(h -> byId.containsKey(h.id()))
                .map(h -> new Item(byId.get(h.id()), h.score(), h.titleHighlight(), h.bodyHighlight())).toList();
        return new Page(r.total(), r.totalIsLowerBound(), items, q);
    }

    /** Similar articles: the same coverage group first, then the index's "more like this". */
    public List<Article> similar(Article a, int max) {
        java.util.LinkedHashSet<Long> ids = new java.util.LinkedHashSet<>();
        if (a.groupId() != null) {
            articles.inGroup(a.groupId()).stream().map(Article::id).filter(id -> id != a.id()).forEach(ids::add);
        }
        if (ids.size() < max) {
            ids.addAll(indexer.index().similar(a.id(), a.title(), a.body(), max));
        }
        ids.remove(a.id());
        return articles.byIds(ids.stream().limit(max).toList());
    }

    public ArticleIndex index() {
        return indexer.index();
    }
}
