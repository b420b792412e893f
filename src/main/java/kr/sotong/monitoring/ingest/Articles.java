package kr.sotong.monitoring.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads articles. Writes go through {@link Ingestion} and the use cases that change an article. */
@Repository("monitoringArticles")
public class Articles {

    private final JdbcClient jdbc;

    Articles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Article> find(long id) {
        return jdbc.sql("select " + Article.COLUMNS + " from monitoring_article where id = :id").param("id", id)
                .query(Article::map).optional();
    }

    public Article get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("기사", id));
    }

    public List<Article> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Article> list = jdbc.sql("select " + Article.COLUMNS + " from monitoring_article where id in (:ids)")
                .param("ids", ids).query(Article::map).list();
        List<Long> order = List.copyOf(ids);
        return list.stream().sorted(java.util.Comparator.comparingInt(a -> order.indexOf(a.id()))).toList();
    }

    /** Newest first by ingestion, optionally only flagged ones. */
    public List<Article> latest(int limit, boolean flaggedOnly) {
        return jdbc.sql("select " + Article.COLUMNS + " from monitoring_article " + (flaggedOnly ? "where flagged " : "")
                        + "order by ingested_at desc, id desc limit :n")
                .param("n", limit).query(Article::map).list();
    }

    public List<Article> publishedBetween(Instant from, Instant to) {
        return jdbc.sql("select " + Article.COLUMNS + " from monitoring_article where published_at >= :f and published_at < :t "
                        + "order by published_at")
                .param("f", Timestamp.from(from)).param("t", Timestamp.from(to)).query(Article::map).list();
    }

    public List<Article> inGroup(long groupId) {
        return jdbc.sql("select " + Article.COLUMNS + " from monitoring_article where group_id = :g order by published_at")
                .param("g", groupId).query(Article::map).list();
    }

    public List<Article> ofRelease(long releaseId) {
        return jdbc.sql("select " + Article.COLUMNS + " from monitoring_article where release_id = :r order by published_at")
                .param("r", releaseId).query(Article::map).list();
    }

    public long countIngestedSince(Instant since) {
        return jdbc.sql("select count(*) from monitoring_article where ingested_at >= :s").param("s", Timestamp.from(since))
                .query(Long.class).single();
    }

    /** Flagged (or labelled 부정/왜곡) articles without a response case and not labelled harmless. */
    public List<Article> openNegatives(int limit) {
        return jdbc.sql("select " + Article.COLUMNS + " from monitoring_article a where "
                        + "((a.flagged and (a.label is null or a.label in ('NEGATIVE','DISTORTED'))) or a.label in ('NEGATIVE','DISTORTED')) "
                        + "and not exists (select 1 from monitoring_case_article ca where ca.article_id = a.id) "
                        + "order by a.published_at desc limit :n")
                .param("n", limit).query(Article::map).list();
    }

    public long countOpenNegatives() {
        return jdbc.sql("select count(*) from monitoring_article a where "
                        + "((a.flagged and (a.label is null or a.label in ('NEGATIVE','DISTORTED'))) or a.label in ('NEGATIVE','DISTORTED')) "
                        + "and not exists (select 1 from monitoring_case_article ca where ca.article_id = a.id)")
                .query(Long.class).single();
    }

    public List<String> outlets() {
        return jdbc.sql("select distinct outlet from monitoring_article order by outlet").query(String.class).list();
    }

    /** Marks the article changed so that the indexer picks it up again. */
    public void touch(long id) {
        jdbc.sql("update monitoring_article set change_seq = change_seq + 1 where id = :id").param("id", id).update();
    }

    public void touchAll(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update monitoring_article set change_seq = change_seq + 1 where id in (:ids)").param("ids", ids).update();
        }
    }
}
