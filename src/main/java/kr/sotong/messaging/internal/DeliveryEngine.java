package kr.sotong.messaging.internal;

import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import kr.sotong.messaging.BulletinSent;
import kr.sotong.messaging.SubscriberChannel;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends bulletin deliveries. Worker threads claim due rows with {@code FOR UPDATE SKIP LOCKED} (several
 * nodes can run), mark them SENDING with their node id in a committed transaction, hand them to the
 * gateway in batches with their idempotency keys, and record the outcome in one statement per batch.
 * A node that dies leaves rows in SENDING; after {@code claim-lease} any node sends them again with
 * the same keys, which the gateway answers with DUPLICATE instead of delivering twice. Transient
 * gateway failures (5xx, 429, time-outs) are retried with exponential backoff; per-message rejections
 * are final, except Kakao failures, which get an SMS/LMS fallback row.
 */
@Component
public class DeliveryEngine implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final GatewayClient gateway;
    private final JavaMailSender mail;
    private final FileStore files;
    private final MessagingProperties properties;
    private final MessagingSettings settings;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final String mailFrom;
    private final String baseUrl;
    private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);
    private final RateLimiter limiter;
    private final Semaphore wake = new Semaphore(0);
    private final Map<Long, Content> contents = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private volatile long lastStaleCheck;

    DeliveryEngine(JdbcClient jdbc, PersonalDataCipher cipher, GatewayClient gateway, JavaMailSender mail, FileStore files,
                   MessagingProperties properties, MessagingSettings settings, Clock clock, AuditLog audit, ApplicationEventPublisher events,
                   TransactionTemplate tx, @Value("${sotong.notifications.mail-from:sotong@localhost}") String mailFrom,
                   @Value("${sotong.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.gateway = gateway;
        this.mail = mail;
        this.files = files;
        this.properties = properties;
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.mailFrom = mailFrom;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.limiter = new RateLimiter(properties.ratePerSecond());
    }

    public String node() {
        return node;
    }

    // ---------------- lifecycle ----------------

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < properties.workers(); i++) {
            Thread t = new Thread(this::loop, "messaging-delivery-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        wake.release(threads.size());
        for (Thread t : threads) {
            try {
                t.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    public void wakeUp() {
        wake.release(Math.max(1, properties.workers()));
    }

    public void wakeUpAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUp();
                }
            });
        } else {
            wakeUp();
        }
    }

    private void loop() {
        while (running) {
            try {
                if (System.currentTimeMillis() - lastStaleCheck > Math.max(1000, properties.claimLease().toMillis() / 4)) {
                    lastStaleCheck = System.currentTimeMillis();
                    releaseStale();
                }
                if (runOnce() == 0) {
                    wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("delivery round failed: {}", e.toString());
                try {
                    Thread.sleep(properties.pollInterval().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Rows left in SENDING by a node that died are due again after the claim lease. */
    public int releaseStale() {
        int n = jdbc.sql("""
                        update messaging_delivery set status = 'PENDING', claimed_by = null
                         where status = 'SENDING' and claimed_at < :before""")
                .param("before", Timestamp.from(clock.instant().minus(properties.claimLease()))).update();
        if (n > 0) {
            log.info("{} deliveries left in flight by a stopped node are due again (same idempotency keys)", n);
        }
        return n;
    }

    // ---------------- one batch ----------------

    record Claimed(long id, long bulletinId, long subscriberId, SubscriberChannel channel, MessageType type,
                   String recipient, String key, boolean advertising, boolean nightAllowed, Long fallbackOf, int attempts,
                   boolean active) {
    }

    record Content(long bulletinId, String title, String text, String subject, String kakaoCode, String imageSha256,
                   String gatewayImageId) {
    }

    /** Claims one batch of due deliveries and sends it; returns how many were claimed. */
    public int runOnce() throws InterruptedException {
        Instant now = clock.instant();
        List<Claimed> batch = jdbc.sql("""
                        with due as (select id from messaging_delivery
                                      where status = 'PENDING' and next_attempt_at <= :now
                                      order by next_attempt_at, id limit :n for update skip locked),
                             claimed as (update messaging_delivery d
                                            set status = 'SENDING', attempts = d.attempts + 1, claimed_at = :now, claimed_by = :node
                                           from due where d.id = due.id
                                         returning d.id, d.bulletin_id, d.subscriber_id, d.channel, d.message_type, d.recipient,
                                                   d.idempotency_key, d.advertising, d.night_allowed, d.fallback_of, d.attempts)
                        select c.*, s.status = 'ACTIVE' as active
                          from claimed c left join messaging_subscriber s on s.id = c.subscriber_id order by c.id""")
                .param("now", Timestamp.from(now)).param("node", node).param("n", properties.batchSize())
                .query((rs, i) -> {
                    Long fb = rs.getObject(10, Long.class);
                    return new Claimed(rs.getLong(1), rs.getLong(2), rs.getLong(3), SubscriberChannel.valueOf(rs.getString(4)),
                            MessageType.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getBoolean(8),
                            rs.getBoolean(9), fb, rs.getInt(11), rs.getBoolean(12));
                }).list();
        if (batch.isEmpty()) {
            return 0;
        }
        process(batch, now);
        return batch.size();
    }

    /** Outcome of one delivery, written back in one statement per batch. */
    private record Update(long id, String status, String pid, String err, Instant next, boolean uncount) {
    }

    private void process(List<Claimed> batch, Instant now) throws InterruptedException {
        List<Update> updates = new ArrayList<>();
        List<Claimed> toGateway = new ArrayList<>();
        List<Claimed> toMail = new ArrayList<>();
        boolean night = NightRule.isNight(now);
        for (Claimed c : batch) {
            if (!c.active()) {
                updates.add(new Update(c.id(), "OPTED_OUT", null, "발송 전에 수신 거부", null, false));
            } else if (c.advertising() && !c.nightAllowed() && night) {
                updates.add(new Update(c.id(), "PENDING", null, null, NightRule.nextDaytime(now), true));
            } else if (c.channel() == SubscriberChannel.EMAIL) {
                toMail.add(c);
            } else {
                toGateway.add(c);
            }
        }
        List<Claimed> fallbacks = new ArrayList<>();
        if (!toGateway.isEmpty()) {
            sendToGateway(toGateway, updates, fallbacks);
        }
        for (Claimed c : toMail) {
            updates.add(sendMail(c));
        }
        write(updates, fallbacks, now);
        Set<Long> bulletins = new LinkedHashSet<>();
        batch.forEach(c -> bulletins.add(c.bulletinId()));
        bulletins.forEach(this::completeIfDone);
    }

    private Content content(long bulletinId) {
        return contents.computeIfAbsent(bulletinId, id -> jdbc.sql("""
                        select id, title, rendered, subject, kakao_code, image_sha256, gateway_image_id from messaging_bulletin where id = :id""")
                .param("id", id)
                .query((rs, i) -> new Content(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7))).single());
    }

    private String imageId(Content c) throws GatewayClient.GatewayException {
        if (c.imageSha256() == null) {
            return null;
        }
        if (c.gatewayImageId() != null) {
            return c.gatewayImageId();
        }
        byte[] data;
        try (var in = files.open(c.imageSha256())) {
            data = in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new GatewayClient.GatewayException("MMS 이미지를 읽을 수 없습니다: " + e.getMessage(), false, e);
        }
        String id = gateway.uploadImage(c.imageSha256() + ".jpg", "image/jpeg", data);
        jdbc.sql("update messaging_bulletin set gateway_image_id = :g where id = :id").param("g", id).param("id", c.bulletinId()).update();
        Content updated = new Content(c.bulletinId(), c.title(), c.text(), c.subject(), c.kakaoCode(), c.imageSha256(), id);
        contents.put(c.bulletinId(), updated);
        return id;
    }

    private Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(1800, 5L << Math.min(attempts, 10)));
    }

    private void sendToGateway(List<Claimed> rows, List<Update> updates, List<Claimed> fallbacks) throws InterruptedException {
        Map<String, Claimed> byKey = new LinkedHashMap<>();
        List<GatewayClient.OutMessage> out = new ArrayList<>(rows.size());
        String from = settings.senderNumber();
        try {
            for (Claimed c : rows) {
                Content content = content(c.bulletinId());
                String to = cipher.decrypt(c.recipient());
                String text = SmsText.sanitise(content.text());
                MessageType type = c.type();
                String subject = type == MessageType.SMS || type == MessageType.ATA ? null : content.subject();
                if (c.fallbackOf() != null && (subject == null || subject.isBlank()) && type == MessageType.LMS) {
                    subject = SmsText.cut(content.title(), SmsText.SUBJECT_MAX_BYTES);
                }
                out.add(new GatewayClient.OutMessage(c.key(), type, from, to, subject, text,
                        type == MessageType.MMS ? imageId(content) : null, type == MessageType.ATA ? content.kakaoCode() : null));
                byKey.put(c.key(), c);
            }
            if (from == null || from.isBlank()) {
                throw new GatewayClient.GatewayException("발신번호(sotong.messaging.sender-number)가 설정되지 않았습니다.", false, null);
            }
            limiter.acquire(out.size());
            Map<String, GatewayClient.Result> results = gateway.send(out);
            for (Claimed c : rows) {
                GatewayClient.Result r = results.get(c.key());
                if (r == null) {
                    updates.add(retryOrFail(c, "게이트웨이 응답에 이 메시지의 결과가 없습니다."));
                } else if (r.accepted()) {
                    updates.add(new Update(c.id(), "SENT", r.messageId(), null, null, false));
                } else if (c.type() == MessageType.ATA && r.kakaoFailure()) {
                    updates.add(new Update(c.id(), "FALLBACK", r.messageId(), "알림톡 실패(" + r.code() + " " + nz(r.reason()) + ") → 문자 대체 발송", null, false));
                    fallbacks.add(c);
                } else {
                    updates.add(new Update(c.id(), "FAILED", r.messageId(), "게이트웨이 거절(" + nz(r.code()) + "): " + nz(r.reason()), null, false));
                }
            }
        } catch (GatewayClient.GatewayException e) {
            for (Claimed c : rows) {
                updates.add(e.transientFailure() ? retryOrFail(c, e.getMessage())
                        : new Update(c.id(), "FAILED", null, e.getMessage(), null, false));
            }
            log.info("gateway batch of {} failed ({}): {}", rows.size(), e.transientFailure() ? "retry" : "final", e.getMessage());
        }
    }

    private Update retryOrFail(Claimed c, String reason) {
        if (c.attempts() >= properties.maxAttempts()) {
            return new Update(c.id(), "FAILED", null, reason + " (" + c.attempts() + "회 시도 후 포기)", null, false);
        }
        return new Update(c.id(), "PENDING", null, reason, clock.instant().plus(backoff(c.attempts())), false);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private Update sendMail(Claimed c) {
        Content content = content(c.bulletinId());
        try {
            String token = jdbc.sql("select token from messaging_subscriber where id = :id").param("id", c.subscriberId())
                    .query(String.class).single();
            MimeMessage m = mail.createMimeMessage();
            MimeMessageHelper h = new MimeMessageHelper(m, false, "UTF-8");
            h.setFrom(mailFrom);
            h.setTo(cipher.decrypt(c.recipient()));
            h.setSubject(content.subject() == null ? content.title() : content.subject());
            h.setText(content.text().replace(Composer.UNSUBSCRIBE_PLACEHOLDER, baseUrl + "/unsubscribe/" + token), false);
            m.setHeader("List-Unsubscribe", "<" + baseUrl + "/unsubscribe/" + token + ">");
            m.setHeader("X-Sotong-Delivery", c.key());
            mail.send(m);
            return new Update(c.id(), "SENT", c.key(), null, null, false);
        } catch (org.springframework.mail.MailException | jakarta.mail.MessagingException e) {
            return retryOrFail(c, "메일 발송 실패: " + e.getMessage());
        }
    }

    private void write(List<Update> updates, List<Claimed> fallbacks, Instant now) {
        List<Map<String, Object>> json = new ArrayList<>(updates.size());
        for (Update u : updates) {
            Map<String, Object> m = new HashMap<>();
            m.put("id", u.id());
            m.put("status", u.status());
            m.put("pid", u.pid());
            m.put("err", u.err() == null ? null : u.err().length() > 500 ? u.err().substring(0, 500) : u.err());
            m.put("next", u.next() == null ? null : u.next().toString());
            m.put("uncount", u.uncount());
            json.add(m);
        }
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                            update messaging_delivery d
                               set status = u.status, provider_id = coalesce(u.pid, d.provider_id), last_error = u.err,
                                   sent_at = case when u.status in ('SENT', 'FALLBACK') then :now else d.sent_at end,
                                   next_attempt_at = coalesce(u.next, d.next_attempt_at),
                                   attempts = case when u.uncount then d.attempts - 1 else d.attempts end,
                                   claimed_at = null, claimed_by = null
                              from jsonb_to_recordset(cast(:json as jsonb))
                                   as u(id bigint, status text, pid text, err text, next timestamptz, uncount boolean)
                             where d.id = u.id and d.status = 'SENDING' and d.claimed_by = :node""")
                    .param("json", GatewayClient.JSON.writeValueAsString(json)).param("now", Timestamp.from(now))
                    .param("node", node).update();
            for (Claimed c : fallbacks) {
                insertFallback(c.id(), now);
            }
        });
        if (!fallbacks.isEmpty()) {
            wakeUp();
        }
    }

    /** Queues an SMS/LMS fallback for a Kakao delivery (idempotent on the key). */
    void insertFallback(long deliveryId, Instant now) {
        jdbc.sql("""
                        insert into messaging_delivery (bulletin_id, subscriber_id, channel, message_type, recipient, idempotency_key,
                               advertising, night_allowed, fallback_of, status, next_attempt_at)
                        select d.bulletin_id, d.subscriber_id, d.channel,
                               case when b.byte_length <= 90 then 'SMS' else 'LMS' end,
                               d.recipient, d.idempotency_key || '-fb', d.advertising, d.night_allowed, d.id, 'PENDING', :now
                          from messaging_delivery d join messaging_bulletin b on b.id = d.bulletin_id
                         where d.id = :id
                        on conflict (idempotency_key) do nothing""")
                .param("id", deliveryId).param("now", Timestamp.from(now)).update();
    }

    /** Marks a bulletin SENT when nothing is pending or in flight; audits and publishes once. */
    public void completeIfDone(long bulletinId) {
        tx.executeWithoutResult(s -> {
            Instant now = clock.instant();
            List<Long> done = jdbc.sql("""
                            update messaging_bulletin b set status = 'SENT', finished_at = :now, version = version + 1
                             where b.id = :id and b.status = 'SENDING'
                               and not exists (select 1 from messaging_delivery d
                                                where d.bulletin_id = b.id and d.status in ('PENDING', 'SENDING'))
                            returning id""")
                    .param("now", Timestamp.from(now)).param("id", bulletinId).query(Long.class).list();
            if (done.isEmpty()) {
                return;
            }
            int[] c = new int[4];
            jdbc.sql("""
                            select count(*) filter (where fallback_of is null),
                                   count(*) filter (where status in ('SENT', 'DELIVERED')),
                                   count(*) filter (where status = 'FAILED'),
                                   count(*) filter (where status = 'OPTED_OUT')
                              from messaging_delivery where bulletin_id = :id""")
                    .param("id", bulletinId).query(rs -> {
                        c[0] = rs.getInt(1);
                        c[1] = rs.getInt(2);
                        c[2] = rs.getInt(3);
                        c[3] = rs.getInt(4);
                    });
            var meta = jdbc.sql("select title, channel from messaging_bulletin where id = :id").param("id", bulletinId)
                    .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
            audit.recordAs("system", "messaging.bulletin.sent", "Bulletin", bulletinId, meta[0] + ": 대상 " + c[0] + ", 접수 " + c[1]
                    + ", 실패 " + c[2] + ", 발송 전 수신거부 " + c[3]);
            events.publishEvent(new BulletinSent(bulletinId, meta[0], SubscriberChannel.valueOf(meta[1]), c[0], c[1], c[2], c[3], now));
            contents.remove(bulletinId);
        });
    }
}
