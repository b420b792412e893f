package kr.sotong.monitoring.sentiment;

import java.sql.Timestamp;
import java.time.Clock;
import kr.sotong.monitoring.Sentiment;
import kr.sotong.monitoring.search.Indexer;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff labels (긍정/중립/부정/왜곡) and the nightly retraining of the classifier when labels changed. */
@Service
public class Labels {

    private static final Logger log = LoggerFactory.getLogger(Labels.class);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final Indexer indexer;
    private final Classifier classifier;
    private final Clock clock;

    Labels(JdbcClient jdbc, AuditLog audit, StaffDirectory staff, Indexer indexer, Classifier classifier, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.staff = staff;
        this.indexer = indexer;
        this.classifier = classifier;
        this.clock = clock;
    }

    @Transactional
    public void label(long articleId, Sentiment sentiment) {
        if (sentiment == null) {
            throw new DomainException("monitoring.label.required", "논조(긍정/중립/부정/왜곡)를 고르세요.");
        }
        String actor = staff.currentActor();
        int n = jdbc.sql("""
                        update monitoring_article set label = :l, labelled_by = :by, labelled_at = :at, change_seq = change_seq + 1
                        where id = :id""")
                .param("l", sentiment.name()).param("by", actor).param("at", Timestamp.from(clock.instant()))
                .param("id", articleId).update();
        if (n == 0) {
            throw DomainException.notFound("기사", articleId);
        }
        indexer.wakeAfterCommit();
        audit.record("monitoring.article.label", "MonitoringArticle", articleId, "논조 분류: " + sentiment.korean());
    }

    /** Labels given since the current model was trained. */
    public long labelsSinceModel() {
        return jdbc.sql("""
                        select count(*) from monitoring_article
                        where labelled_at > coalesce((select max(trained_at) from monitoring_classifier), 'epoch'::timestamptz)""")
                .query(Long.class).single();
    }

    @Scheduled(cron = "${sotong.monitoring.retrain-cron:0 30 2 * * *}", zone = "Asia/Seoul")
    @SchedulerLock(name = "monitoring.retrain", lockAtMostFor = "PT30M")
    public void nightly() {
        if (labelsSinceModel() > 0 && classifier.labelCount() >= Classifier.MIN_LABELS) {
            try {
                classifier.retrain();
            } catch (RuntimeException e) {
                log.warn("monitoring classifier retraining failed: {}", e.getMessage());
            }
        }
    }
}
