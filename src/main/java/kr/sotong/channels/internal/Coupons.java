package kr.sotong.channels.internal;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kr.sotong.messaging.Messaging;
import kr.sotong.messaging.SubscriberChannel;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.Notification;
import kr.sotong.platform.Notifications;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner coupons (할인 쿠폰): an offer with a pool of codes (imported from the partner or generated),
 * issued to KakaoTalk channel subscribers or event winners, redeemed by code at the partner with the
 * partner's access code, valid within its period.
 */
@Service
public class Coupons {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final Messaging messaging;
    private final SnsEvents events;
    private final Notifications notifications;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final Clock clock;

    Coupons(JdbcClient jdbc, PersonalDataCipher cipher, Messaging messaging, SnsEvents events, Notifications notifications,
            AuditLog audit, StaffDirectory staff, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.messaging = messaging;
        this.events = events;
        this.notifications = notifications;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
    }

    public record Offer(long id, String partner, String title, String offer, LocalDate validFrom, LocalDate validUntil,
                        int available, int issued, int redeemed) {
        public boolean expired(LocalDate today) {
            return today.isAfter(validUntil);
        }
    }

    public record Coupon(long id, String code, String status, String issuedMasked, java.time.Instant issuedAt,
                         java.time.Instant redeemedAt) {
    }

    /** A new offer and its partner access code (shown once; only its hash is kept). */
    public record Created(long offerId, String partnerCode) {
    }

    static String code(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    static String normaliseCode(String c) {
        return c == null ? "" : c.strip().replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static final String OFFER_COLS = """
            o.id, o.partner, o.title, o.offer, o.valid_from, o.valid_until,
            (select count(*) from channels_coupon c where c.offer_id = o.id and c.status = 'AVAILABLE'),
            (select count(*) from channels_coupon c where c.offer_id = o.id and c.status = 'ISSUED'),
            (select count(*) from channels_coupon c where c.offer_id = o.id and c.status = 'REDEEMED')""";

    public List<Offer> offers() {
        return jdbc.sql("select " + OFFER_COLS + " from channels_coupon_offer o order by o.valid_from desc, o.id desc")
                .query((rs, i) -> new Offer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
                        rs.getDate(6).toLocalDate(), rs.getInt(7), rs.getInt(8), rs.getInt(9))).list();
    }

    public Offer offer(long id) {
        return offers().stream().filter(o -> o.id() == id).findFirst().orElseThrow(() -> DomainException.notFound("쿠폰", id));
    }

    public List<Coupon> coupons(long offerId, int limit) {
        return jdbc.sql("select id, code, status, issued_masked, issued_at, redeemed_at from channels_coupon where offer_id = :o order by id limit :l")
                .param("o", offerId).param("l", limit)
                .query((rs, i) -> new Coupon(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        SnsEvents.ts(rs.getTimestamp(5)), SnsEvents.ts(rs.getTimestamp(6)))).list();
    }

    /**
     * Creates an offer with codes: either the partner's list ({@code codes}, one per line, or a CSV/XLSX
     * first column) or {@code generate} random 10-character codes.
     */
    @Transactional
    public Created create(String partner, String title, String offerText, LocalDate from, LocalDate until, List<String> codes,
                          int generate) {
        String p = Forms.required("제휴처", partner, 200);
        String t = Forms.required("쿠폰 이름", title, 200);
        String o = Forms.required("혜택 내용", offerText, 500);
        if (from == null || until == null || until.isBefore(from)) {
            throw new DomainException("channels.coupon.period", "사용 기간을 올바르게 입력하세요(종료일이 시작일 이후).");
        }
        List<String> pool = new ArrayList<>();
        if (codes != null && codes.stream().anyMatch(c -> c != null && !c.isBlank())) {
            Set<String> seen = new LinkedHashSet<>();
            List<String> bad = new ArrayList<>();
            int line = 0;
            for (String c : codes) {
                line++;
                String n = normaliseCode(c);
                if (n.isEmpty()) {
                    continue;
                }
                if (!n.matches("[A-Z0-9]{4,40}")) {
                    bad.add(line + "행: 코드는 영문·숫자 4~40자여야 합니다: '" + c.strip() + "'");
                } else if (!seen.add(n)) {
                    bad.add(line + "행: 중복된 코드입니다: " + n);
                }
            }
            if (!bad.isEmpty()) {
                throw new DomainException("channels.coupon.codes", "쿠폰 코드 목록에 문제가 있어 만들지 않았습니다: "
                        + String.join("; ", bad.subList(0, Math.min(10, bad.size()))) + (bad.size() > 10 ? " 외 " + (bad.size() - 10) + "건" : ""));
            }
            pool.addAll(seen);
        } else {
            if (generate < 1 || generate > 100_000) {
                throw new DomainException("channels.coupon.generate", "코드 목록을 넣거나, 만들 코드 수(1~100,000)를 입력하세요.");
            }
            Set<String> gen = new LinkedHashSet<>();
            while (gen.size() < generate) {
                gen.add(code(10));
            }
            pool.addAll(gen);
        }
        String partnerCode = code(8);
        long id = jdbc.sql("""
                        insert into channels_coupon_offer (partner, title, offer, valid_from, valid_until, partner_code_hash, created_by, created_at)
                        values (:p, :t, :o, :f, :u, :h, :by, :now) returning id""")
                .param("p", p).param("t", t).param("o", o).param("f", Date.valueOf(from)).param("u", Date.valueOf(until))
                .param("h", cipher.lookupHash("coupon-partner:" + partnerCode)).param("by", staff.currentActor())
                .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        for (String c : pool) {
            jdbc.sql("insert into channels_coupon (offer_id, code, status) values (:o, :c, 'AVAILABLE')").param("o", id).param("c", c).update();
        }
        audit.record("channels.coupon.create", "CouponOffer", id, p + " " + t + ": 코드 " + pool.size() + "개");
        return new Created(id, partnerCode);
    }

    private String text(Offer o, String code) {
        return "[금천구] " + o.partner() + " " + o.title() + ": " + o.offer() + " 쿠폰번호 " + code + " (사용기한 " + o.validUntil() + "까지)";
    }

    private Long nextAvailable(long offerId) {
        return jdbc.sql("select id from channels_coupon where offer_id = :o and status = 'AVAILABLE' order by id limit 1 for update skip locked")
                .param("o", offerId).query(Long.class).optional().orElse(null);
    }

    /** Issues one code to each of up to {@code count} KakaoTalk channel subscribers who have none of this offer yet. */
    @Transactional
    public int issueToSubscribers(long offerId, SubscriberChannel channel, int count) {
        Offer o = offer(offerId);
        if (o.expired(java.time.LocalDate.now(clock))) {
            throw new DomainException("channels.coupon.expired", "사용 기간이 지난 쿠폰입니다.");
        }
        List<Long> served = jdbc.sql("select cast(substring(issued_to from 12) as bigint) from channels_coupon where offer_id = :o and issued_to like 'subscriber:%'")
                .param("o", offerId).query(Long.class).list();
        var targets = messaging.subscribers(channel, Math.min(count, o.available()), served);
        int n = 0;
        for (var s : targets) {
            Long couponId = nextAvailable(offerId);
            if (couponId == null) {
                break;
            }
            String code = jdbc.sql("select code from channels_coupon where id = :id").param("id", couponId).query(String.class).single();
            messaging.sendToSubscriber(s.subscriberId(), "[금천구] " + o.title() + " 쿠폰", text(o, code), "channels.coupon",
                    "coupon-" + couponId);
            jdbc.sql("update channels_coupon set status = 'ISSUED', issued_to = :t, issued_masked = :m, issued_at = :now where id = :id")
                    .param("t", "subscriber:" + s.subscriberId()).param("m", s.maskedContact()).param("now", Timestamp.from(clock.instant()))
                    .param("id", couponId).update();
            n++;
        }
        audit.record("channels.coupon.issue", "CouponOffer", offerId, channel.label() + " 구독자 " + n + "명에게 발급");
        return n;
    }

    /** Issues one code to each winner of a drawn event (by SMS). */
    @Transactional
    public int issueToWinners(long offerId, long eventId) {
        Offer o = offer(offerId);
        int n = 0;
        for (var w : events.winners(eventId)) {
            String ref = "entry:" + w.id();
            if (jdbc.sql("select count(*) from channels_coupon where offer_id = :o and issued_to = :r").param("o", offerId).param("r", ref)
                    .query(Long.class).single() > 0) {
                continue;
            }
            var phone = events.winnerPhone(w.id(), "쿠폰 발급");
            if (phone.isEmpty()) {
                continue;
            }
            Long couponId = nextAvailable(offerId);
            if (couponId == null) {
                throw new DomainException("channels.coupon.exhausted", "남은 쿠폰 코드가 부족합니다.");
            }
            String code = jdbc.sql("select code from channels_coupon where id = :id").param("id", couponId).query(String.class).single();
            notifications.send(Notification.sms(phone.get(), text(o, code), "channels.coupon").withIdempotencyKey("coupon-" + couponId));
            jdbc.sql("update channels_coupon set status = 'ISSUED', issued_to = :t, issued_masked = :m, issued_at = :now where id = :id")
                    .param("t", ref).param("m", w.masked()).param("now", Timestamp.from(clock.instant())).param("id", couponId).update();
            n++;
        }
        audit.record("channels.coupon.issue", "CouponOffer", offerId, "이벤트 " + eventId + " 당첨자 " + n + "명에게 발급");
        return n;
    }

    public record Redemption(String partner, String title, String offer, String code) {
    }

    /** Redeems a code at the partner (partner access code required); each code once, within its period. */
    @Transactional(noRollbackFor = DomainException.class)
    public Redemption redeem(String partnerCode, String couponCode) {
        String pc = normaliseCode(partnerCode);
        String cc = normaliseCode(couponCode);
        if (pc.isEmpty() || cc.isEmpty()) {
            throw new DomainException("channels.coupon.redeem-fields", "제휴처 확인 코드와 쿠폰번호를 모두 입력하세요.");
        }
        var row = jdbc.sql("""
                        select c.id, c.status, o.id, o.valid_from, o.valid_until, c.redeemed_at from channels_coupon c
                          join channels_coupon_offer o on o.id = c.offer_id
                         where c.code = :c and o.partner_code_hash = :h for update of c""")
                .param("c", cc).param("h", cipher.lookupHash("coupon-partner:" + pc))
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getDate(4).toLocalDate(),
                        rs.getDate(5).toLocalDate(), rs.getTimestamp(6)})
                .optional().orElseThrow(() -> new DomainException("channels.coupon.unknown", "이 제휴처의 쿠폰번호가 아닙니다. 번호와 제휴처 확인 코드를 확인하세요."));
        LocalDate today = LocalDate.now(clock);
        if ("REDEEMED".equals(row[1])) {
            throw DomainException.conflict("channels.coupon.used", "이미 사용한 쿠폰입니다(" + row[5].toString().substring(0, 16) + ").");
        }
        if ("AVAILABLE".equals(row[1])) {
            throw new DomainException("channels.coupon.not-issued", "아직 발급되지 않은 쿠폰번호입니다.");
        }
        if (today.isBefore((LocalDate) row[3]) || today.isAfter((LocalDate) row[4])) {
            throw new DomainException("channels.coupon.period", "사용 기간(" + row[3] + " ~ " + row[4] + ")이 아닙니다.");
        }
        jdbc.sql("update channels_coupon set status = 'REDEEMED', redeemed_at = :now where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", row[0]).update();
        Offer o = offer((Long) row[2]);
        audit.recordAs("partner:" + o.partner(), "channels.coupon.redeem", "Coupon", row[0], cc + " 사용");
        return new Redemption(o.partner(), o.title(), o.offer(), cc);
    }
}
