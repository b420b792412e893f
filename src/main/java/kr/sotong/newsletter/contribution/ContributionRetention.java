package kr.sotong.newsletter.contribution;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import kr.sotong.platform.AuditLog;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the promise of the contribution form: contributors' names and contacts are kept one year after
 * the review and then erased (the contribution itself stays). Runs nightly on one node.
 */
@Component
public class ContributionRetention {

    static final String ERASED = "erased";
    static final Duration KEEP = Duration.ofDays(365);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ContributionRetention(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(cron = "0 30 3 * * *", zone = "Asia/Seoul")
    @SchedulerLock(name = "newsletter.contribution-retention")
    public void nightly() {
        eraseExpired();
    }

    /** Erases what has expired now; returns how many contributions were erased. */
    @Transactional
    public int eraseExpired() {
        int erased = jdbc.sql("""
                        update newsletter_contribution
                           set name_enc = :e, contact_enc = :e, contact_hash = repeat('0', 64)
                         where decided_at < :limit and name_enc <> :e""")
                .param("e", ERASED).param("limit", Timestamp.from(clock.instant().minus(KEEP))).update();
        if (erased > 0) {
            audit.recordAs("scheduler", "newsletter.contribution.erased", "NewsletterContribution", "retention",
                    "검토 후 1년이 지난 독자 참여 " + erased + "건의 이름·연락처 파기");
        }
        return erased;
    }

    static boolean isErased(String ciphertext) {
        return ERASED.equals(ciphertext);
    }
}
