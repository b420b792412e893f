package kr.sotong.monitoring.sentiment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.sotong.monitoring.Sentiment;
import kr.sotong.monitoring.search.Analysis;
import kr.sotong.monitoring.search.KoreanText;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sentiment classifier retrained from staff labels (multinomial naive Bayes over Nori tokens). Every
 * training keeps one fifth of the labelled articles out (a fixed split by article id) and stores precision and
 * recall of 부정/왜곡 on them, shown on the classifier page. Without a model the lexicon score decides.
 */
@Service
public class Classifier {

    public static final int MIN_LABELS = 10;

    /** A prediction; {@code fromModel} false = derived from the lexicon score only. */
    public record Result(Sentiment sentiment, Double probability, double adverseProbability, boolean fromModel) {
    }

    public record Model(long id, Instant trainedAt, String trainedBy, String algorithm, int samples, int trainSize,
                        int testSize, Double precision, Double recall, Double accuracy, String report) {
    }

    private final JdbcClient jdbc;
    private final Analysis analysis;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final Clock clock;
    private volatile Loaded loaded;

    private record Loaded(long id, NaiveBayes model) {
    }

    Classifier(JdbcClient jdbc, Analysis analysis, AuditLog audit, StaffDirectory staff, Clock clock) {
        this.jdbc = jdbc;
        this.analysis = analysis;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
    }

    private Optional<Loaded> current() {
        Long latest = jdbc.sql("select max(id) from monitoring_classifier").query(Long.class).optional().orElse(null);
        if (latest == null) {
            return Optional.empty();
        }
        Loaded l = loaded;
        if (l == null || l.id() != latest) {
            String text = jdbc.sql("select model from monitoring_classifier where id = :id").param("id", latest)
                    .query(String.class).single();
            l = new Loaded(latest, NaiveBayes.deserialise(text));
            loaded = l;
        }
        return Optional.of(l);
    }

    public Result predict(List<String> features, Negativity.Score score) {
        Optional<Loaded> model = current();
        if (model.isPresent() && !model.get().model().isEmpty()) {
            NaiveBayes.Prediction p = model.get().model().predict(features);
            return new Result(p.sentiment(), p.probability(), p.adverseProbability(), true);
        }
        Sentiment s = score.raw() < 0 ? Sentiment.POSITIVE : score.score() >= 60 ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
        return new Result(s, null, score.score() / 100.0, false);
    }

    public Optional<Model> latestModel() {
        return jdbc.sql("""
                        select id, trained_at, trained_by, algorithm, samples, train_size, test_size, precision_negative,
                               recall_negative, accuracy, report from monitoring_classifier order by id desc limit 1""")
                .query((rs, i) -> new Model(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), (Double) rs.getObject(8), (Double) rs.getObject(9),
                        (Double) rs.getObject(10), rs.getString(11)))
                .optional();
    }

    public long labelCount() {
        return jdbc.sql("select count(*) from monitoring_article where label is not null").query(Long.class).single();
    }

    /** Retrains from every label; the held-out fifth gives precision/recall. */
    @Transactional
    public Model retrain() {
        KoreanText text = analysis.text();
        List<NaiveBayes.Sample> train = new ArrayList<>();
        List<NaiveBayes.Sample> test = new ArrayList<>();
        jdbc.sql("select id, title, body, label from monitoring_article where label is not null order by id")
                .query(rs -> {
                    long id = rs.getLong(1);
                    NaiveBayes.Sample s = new NaiveBayes.Sample(id,
                            NaiveBayes.features(text.tokens(rs.getString(2)), text.tokens(rs.getString(3))),
                            Sentiment.valueOf(rs.getString(4)));
                    (NaiveBayes.heldOut(id) ? test : train).add(s);
                });
        int total = train.size() + test.size();
        if (total < MIN_LABELS || train.isEmpty()) {
            throw new DomainException("monitoring.classifier.too-few",
                    "라벨이 " + MIN_LABELS + "건 이상 있어야 학습할 수 있습니다(현재 " + total + "건).", MIN_LABELS, total);
        }
        NaiveBayes model = NaiveBayes.train(train);
        NaiveBayes.Evaluation ev = NaiveBayes.evaluate(model, test, train.size());
        String report = report(ev);
        String actor = staff.currentActor();
        long id = jdbc.sql("""
                        insert into monitoring_classifier (trained_at, trained_by, algorithm, samples, train_size, test_size,
                            precision_negative, recall_negative, accuracy, report, model)
                        values (:at, :by, 'naive-bayes', :n, :train, :test, :p, :r, :a, :report, :model) returning id""")
                .param("at", Timestamp.from(clock.instant())).param("by", actor).param("n", total)
                .param("train", train.size()).param("test", test.size()).param("p", nanToNull(ev.precisionAdverse()))
                .param("r", nanToNull(ev.recallAdverse())).param("a", nanToNull(ev.accuracy())).param("report", report)
                .param("model", model.serialise()).query(Long.class).single();
        audit.record("monitoring.classifier.retrain", "MonitoringClassifier", id,
                "논조 분류기 재학습: 라벨 " + total + "건, 평가 " + test.size() + "건");
        return latestModel().orElseThrow();
    }

    private static Double nanToNull(double d) {
        return Double.isNaN(d) ? null : d;
    }

    static String report(NaiveBayes.Evaluation ev) {
        StringBuilder sb = new StringBuilder();
        sb.append("실제\\예측");
        for (Sentiment p : Sentiment.values()) {
            sb.append('\t').append(p.korean());
        }
        sb.append('\n');
        for (Sentiment a : Sentiment.values()) {
            sb.append(a.korean());
            Map<Sentiment, Integer> row = ev.confusion().getOrDefault(a, Map.of());
            for (Sentiment p : Sentiment.values()) {
                sb.append('\t').append(row.getOrDefault(p, 0));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
