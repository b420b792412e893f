package kr.sotong.monitoring.ingest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import kr.sotong.monitoring.Sentiment;
import kr.sotong.monitoring.alert.Alerts;
import kr.sotong.monitoring.coverage.Coverage;
import kr.sotong.monitoring.coverage.NearDuplicates;
import kr.sotong.monitoring.search.Analysis;
import kr.sotong.monitoring.search.Indexer;
import kr.sotong.monitoring.search.KoreanText;
import kr.sotong.monitoring.sentiment.Classifier;
import kr.sotong.monitoring.sentiment.NaiveBayes;
import kr.sotong.monitoring.sentiment.Negativity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Takes one candidate article from any source (feed, manual entry, clipping import) and, in one transaction:
 * checks relevance, refuses duplicates (same canonical URL; same stripped title from the same outlet on the same
 * day; same GUID from the same feed), scores negativity, predicts the sentiment, groups it with rewrites of the
 * same text and attributes it to a press release, and queues the on-duty alert. Indexing follows after commit.
 */
@Service
public class Ingestion {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    /** What arrived. {@code publishedAt} null = now. */
    public record Candidate(String origin, Long sourceId, boolean majorOutlet, String outlet, String title, String url,
                            String guid, String author, Instant publishedAt, String body, String bodySource) {
    }

    public enum Status { INGESTED, DUPLICATE, IRRELEVANT, INVALID }

    public record Outcome(Status status, Long articleId, String message) {
        static Outcome of(Status s, String message) {
            return new Outcome(s, null, message);
        }
    }

    private final JdbcClient jdbc;
    private final Analysis analysis;
    private final Negativity negativity = Negativity.standard();
    private final Classifier classifier;
    private final Settings settings;
    private final Coverage coverage;
    private final Alerts alerts;
    private final Indexer indexer;
    private final ObjectMapper json;
    private final Clock clock;

    Ingestion(JdbcClient jdbc, Analysis analysis, Classifier classifier, Settings settings, Coverage coverage,
              Alerts alerts, Indexer indexer, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.analysis = analysis;
        this.classifier = classifier;
        this.settings = settings;
        this.coverage = coverage;
        this.alerts = alerts;
        this.indexer = indexer;
        this.json = json;
        this.clock = clock;
    }

    public Negativity negativity() {
        return negativity;
    }

    /** True when an article with this GUID (from the source) or canonical URL is already stored. */
    public boolean known(Long sourceId, String guid, String url) {
        String canonical = Texts.canonicalUrl(url);
        return jdbc.sql("""
                        select exists(select 1 from monitoring_article
                                      where (cast(:g as varchar) is not null and source_id = cast(:s as bigint) and guid = cast(:g as varchar))
                                         or (cast(:c as varchar) is not null and canonical_url = cast(:c as varchar)))""")
                .param("s", sourceId).param("g", guid).param("c", canonical).query(Boolean.class).single();
    }

    @Transactional
    public Outcome ingest(Candidate c, boolean requireRelevance) {
        String title = Texts.truncate(Texts.tidy(c.title()), 500);
        if (title == null || title.isBlank()) {
            return Outcome.of(Status.INVALID, "제목이 없습니다.");
        }
        String outlet = Texts.truncate(c.outlet() == null ? "" : c.outlet().strip(), 120);
        if (outlet.isBlank()) {
            return Outcome.of(Status.INVALID, "언론사가 없습니다.");
        }
        String body = Texts.truncate(Texts.tidy(c.body()), 200_000);
        Instant now = clock.instant();
        Instant published = c.publishedAt() == null ? now : c.publishedAt();
        LocalDate day = published.atZone(SEOUL).toLocalDate();
        String canonical = Texts.canonicalUrl(c.url());
        String titleKey = Texts.titleKey(title);
        String guid = Texts.truncate(c.guid(), 1000);

        List<String> matched = analysis.relevance().matches(title, body);
        if (requireRelevance && matched.isEmpty()) {
            return Outcome.of(Status.IRRELEVANT, "관련 검색어가 없습니다.");
        }
        boolean duplicate = jdbc.sql("""
                        select exists(select 1 from monitoring_article
                                      where (cast(:c as varchar) is not null and canonical_url = cast(:c as varchar))
                                         or (outlet = :o and published_day = :d and title_key = :k)
                                         or (cast(:g as varchar) is not null and source_id = cast(:s as bigint) and guid = cast(:g as varchar)))""")
                .param("c", canonical).param("o", outlet).param("d", day).param("k", titleKey).param("g", guid)
                .param("s", c.sourceId()).query(Boolean.class).single();
        if (duplicate) {
            return Outcome.of(Status.DUPLICATE, "이미 수집된 기사입니다.");
        }

        KoreanText text = analysis.text();
        Negativity.Score score = negativity.score(title, body, analysis.terms());
        List<String> features = NaiveBayes.features(text.tokens(title), text.tokens(body));
        Classifier.Result predicted = classifier.predict(features, score);
        int threshold = settings.alertThreshold();
        boolean flagged = score.score() >= threshold
                || predicted.fromModel() && predicted.adverseProbability() >= settings.classifierThreshold();
        boolean highImpact = c.majorOutlet() && !analysis.relevance().inTitle(title).isEmpty();
        int[] shingles = NearDuplicates.shingles(text.nouns(title + "\n" + body));

        Long id = jdbc.sql("""
                        insert into monitoring_article (source_id, origin, outlet, title, title_key, url, canonical_url, guid, author,
                            published_at, published_day, ingested_at, body, body_source, matched_terms, score, reasons, predicted,
                            predicted_probability, flagged, high_impact, shingles)
                        values (:source, :origin, :outlet, :title, :key, :url, :canonical, :guid, :author, :published, :day, :now,
                            :body, :bodySource, :terms, :score, :reasons, :predicted, :probability, :flagged, :impact, :shingles)
                        on conflict do nothing returning id""")
                .param("source", c.sourceId()).param("origin", c.origin()).param("outlet", outlet).param("title", title)
                .param("key", titleKey).param("url", Texts.truncate(c.url(), 2000)).param("canonical", Texts.truncate(canonical, 2000))
                .param("guid", guid).param("author", Texts.truncate(c.author(), 200))
                .param("published", Timestamp.from(published)).param("day", day).param("now", Timestamp.from(now))
                .param("body", body).param("bodySource", body.isBlank() ? "NONE" : c.bodySource())
                .param("terms", Texts.truncate(String.join("|", matched), 1000)).param("score", score.score())
                .param("reasons", json.writeValueAsString(score.reasons()))
                .param("predicted", predicted.sentiment().name()).param("probability", predicted.probability())
                .param("flagged", flagged).param("impact", highImpact).param("shingles", NearDuplicates.encode(shingles))
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            return Outcome.of(Status.DUPLICATE, "이미 수집된 기사입니다.");
        }
        coverage.attribute(id, shingles, published);
        if (flagged || highImpact) {
            alerts.alertIngested(id);
        }
        indexer.wakeAfterCommit();
        return new Outcome(Status.INGESTED, id, null);
    }

    /** For callers that do not care: the predicted sentiment of a text (lexicon + model). */
    public Sentiment predict(String title, String body) {
        KoreanText text = analysis.text();
        return classifier.predict(NaiveBayes.features(text.tokens(title), text.tokens(body)),
                negativity.score(title, body, analysis.terms())).sentiment();
    }
}
