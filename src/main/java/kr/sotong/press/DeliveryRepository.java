package kr.sotong.press;

import static kr.sotong.press.ReleaseRepository.instant;
import static kr.sotong.press.ReleaseRepository.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Distributions (one per release edition or requested document) and their per-recipient delivery log. */
@Repository
class DeliveryRepository {

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertDistribution(Long releaseId, Integer edition, Long documentId, List<String> lists, String subject,
                            Instant now, String by, int recipients) {
        return jdbc.sql("""
                        insert into press_distribution (release_id, edition, document_id, list_codes, subject, created_at, created_by, recipients)
                        values (:r, :e, :d, :l, :s, :now, :by, :n) returning id""")
                .param("r", releaseId).param("e", edition).param("d", documentId)
                .param("l", ReleaseRepository.joinCodes(lists)).param("s", subject.length() > 300 ? subject.substring(0, 300) : subject)
                .param("now", ts(now)).param("by", by).param("n", recipients).query(Long.class).single();
    }

    Optional<Long> distributionOf(long releaseId, int edition) {
        return jdbc.sql("select id from press_distribution where release_id = :r and edition = :e").param("r", releaseId)
                .param("e", edition).query(Long.class).optional();
    }

    void insertDelivery(long distributionId, long reporterId, long notificationId, String emailMasked) {
        jdbc.sql("""
                        insert into press_delivery (distribution_id, reporter_id, notification_id, email_masked)
                        values (:d, :r, :n, :m) on conflict (distribution_id, reporter_id) do nothing""")
                .param("d", distributionId).param("r", reporterId).param("n", notificationId).param("m", emailMasked).update();
    }

    public record Distribution(long id, Long releaseId, Integer edition, Long documentId, String subject,
                               Instant createdAt, String createdBy, int recipients, long sent, long failed, long pending) {
    }

    private static final String DIST_SELECT = """
            select d.*, (select count(*) from press_delivery x where x.distribution_id = d.id and x.status = 'SENT') as sent,
                   (select count(*) from press_delivery x where x.distribution_id = d.id and x.status = 'FAILED') as failed,
                   (select count(*) from press_delivery x where x.distribution_id = d.id and x.status in ('PENDING','SENDING')) as pending
              from press_distribution d""";

    private static Distribution distribution(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Distribution(rs.getLong("id"), (Long) rs.getObject("release_id"), (Integer) rs.getObject("edition"),
                (Long) rs.getObject("document_id"), rs.getString("subject"), instant(rs, "created_at"),
                rs.getString("created_by"), rs.getInt("recipients"), rs.getLong("sent"), rs.getLong("failed"),
                rs.getLong("pending"));
    }

    Optional<Distribution> distribution(long id) {
        return jdbc.sql(DIST_SELECT + " where d.id = :id").param("id", id).query((rs, i) -> distribution(rs)).optional();
    }

    List<Distribution> distributionsOfRelease(long releaseId) {
        return jdbc.sql(DIST_SELECT + " where d.release_id = :r order by d.id").param("r", releaseId)
                .query((rs, i) -> distribution(rs)).list();
    }

    List<Distribution> recentDistributions(int limit) {
        return jdbc.sql(DIST_SELECT + " order by d.id desc limit :l").param("l", limit).query((rs, i) -> distribution(rs)).list();
    }

    public record Delivery(long id, long distributionId, long reporterId, String outletName, String nameMasked,
                           String emailMasked, long notificationId, String status, int attempts, String lastError,
                           Instant checkedAt, boolean bounced) {
    }

    List<Delivery> deliveries(long distributionId) {
        return jdbc.sql("""
                        select x.*, o.name as outlet_name, r.name_masked from press_delivery x
                          join press_reporter r on r.id = x.reporter_id join press_outlet o on o.id = r.outlet_id
                         where x.distribution_id = :d order by x.id""")
                .param("d", distributionId)
                .query((rs, i) -> new Delivery(rs.getLong("id"), rs.getLong("distribution_id"), rs.getLong("reporter_id"),
                        rs.getString("outlet_name"), rs.getString("name_masked"), rs.getString("email_masked"),
                        rs.getLong("notification_id"), rs.getString("status"), rs.getInt("attempts"),
                        rs.getString("last_error"), instant(rs, "checked_at"), rs.getBoolean("bounced"))).list();
    }

    Optional<Delivery> delivery(long id) {
        return jdbc.sql("""
                        select x.*, o.name as outlet_name, r.name_masked from press_delivery x
                          join press_reporter r on r.id = x.reporter_id join press_outlet o on o.id = r.outlet_id
                         where x.id = :id""")
                .param("id", id)
                .query((rs, i) -> new Delivery(rs.getLong("id"), rs.getLong("distribution_id"), rs.getLong("reporter_id"),
                        rs.getString("outlet_name"), rs.getString("name_masked"), rs.getString("email_masked"),
                        rs.getLong("notification_id"), rs.getString("status"), rs.getInt("attempts"),
                        rs.getString("last_error"), instant(rs, "checked_at"), rs.getBoolean("bounced"))).optional();
    }

    record Open(long id, long reporterId, long notificationId) {
    }

    List<Open> openDeliveries(int limit) {
        return jdbc.sql("""
                        select id, reporter_id, notification_id from press_delivery where status in ('PENDING','SENDING')
                         order by id limit :l for update skip locked""")
                .param("l", limit).query((rs, i) -> new Open(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    }

    void updateStatus(long id, String status, int attempts, String lastError, Instant at) {
        jdbc.sql("update press_delivery set status = :s, attempts = :a, last_error = :e, checked_at = :at where id = :id")
                .param("s", status).param("a", attempts).param("e", lastError).param("at", ts(at)).param("id", id).update();
    }

    void markBounced(long id) {
        jdbc.sql("update press_delivery set bounced = true where id = :id").param("id", id).update();
    }

    record Totals(long distributions, long deliveries, long sent, long failed, long bounced) {
    }

    Totals totals(Instant from, Instant to) {
        return jdbc.sql("""
                        select count(distinct d.id), count(x.id), count(x.id) filter (where x.status = 'SENT'),
                               count(x.id) filter (where x.status = 'FAILED'), count(x.id) filter (where x.bounced)
                          from press_distribution d left join press_delivery x on x.distribution_id = d.id
                         where d.created_at >= :from and d.created_at < :to""")
                .param("from", ts(from)).param("to", ts(to))
                .query((rs, i) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .single();
    }
}
