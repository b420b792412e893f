package kr.sotong.platform.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import kr.sotong.platform.Notification;
import kr.sotong.platform.NotificationSender;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.platform.config.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends due outbox rows. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several application
 * nodes can run dispatchers; a row left in SENDING by a crash is released after five minutes.
 * Failures are retried with exponential backoff up to {@code sotong.notifications.max-attempts}.
 */
@Component
public class NotificationDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int BATCH = 50;
    /** Outcomes are written back at least this often while a batch is being sent. */
    private static final long FLUSH_AFTER_NANOS = 200_000_000L;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PersonalDataCipher cipher;
    private final ObjectProvider<NotificationSender> senders;
    private final Duration pollInterval;
    private final int maxAttempts;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    NotificationDispatcher(JdbcClient jdbc, Clock clock, PersonalDataCipher cipher,
                           ObjectProvider<NotificationSender> senders, PlatformProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cipher = cipher;
        this.senders = senders;
        this.pollInterval = properties.notifications().pollInterval();
        this.maxAttempts = properties.notifications().maxAttempts();
    }

    void wakeUp() {
        wake.release();
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "notification-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                releaseStale();
                int sent;
                do {
                    sent = dispatchDue();
                } while (running && sent == BATCH);
                wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("notification dispatch round failed: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** When claims were last checked for staleness (claims go stale after minutes: no need to look every round). */
    private Instant staleCheckedAt = Instant.EPOCH;

    private void releaseStale() {
        Instant now = clock.instant();
        if (now.isBefore(staleCheckedAt.plusSeconds(30)) && !now.isBefore(staleCheckedAt)) {
            return;
        }
        staleCheckedAt = now;
        jdbc.sql("update platform_notification set status = 'PENDING' where status = 'SENDING' and claimed_at < :before")
                .param("before", Timestamp.from(now.minus(Duration.ofMinutes(5)))).update();
    }

    private record Row(long id, Notification notification, int attempts) {
    }

    /** Claims and sends one batch of due notifications; returns how many were claimed. */
    public int dispatchDue() {
        Instant now = clock.instant();
        List<Row> rows = jdbc.sql("""
                        update platform_notification set status = 'SENDING', attempts = attempts + 1, claimed_at = :now
                         where id in (select id from platform_notification
                                       where status = 'PENDING' and next_attempt_at <= :now
                                       order by id limit :batch for update skip locked)
                        returning id, channel, recipient, subject, body, purpose, idempotency_key, advertising, attachments, attempts""")
                .param("now", Timestamp.from(now)).param("batch", BATCH)
                .query((rs, i) -> new Row(rs.getLong("id"), new Notification(
                        Notification.Channel.valueOf(rs.getString("channel")),
                        cipher.decrypt(rs.getString("recipient")), rs.getString("subject"), rs.getString("body"),
                        rs.getString("purpose"), rs.getString("idempotency_key"), rs.getBoolean("advertising"),
                        attachments(rs.getString("attachments"))), rs.getInt("attempts")))
                .list();
        Map<Notification.Channel, NotificationSender> byChannel = new EnumMap<>(Notification.Channel.class);
        senders.orderedStream().forEach(s -> byChannel.putIfAbsent(s.channel(), s));
        Outcomes outcomes = new Outcomes(rows.size());
        long flushed = System.nanoTime();
        for (Row row : rows) {
            if (outcomes.size > 0 && System.nanoTime() - flushed > FLUSH_AFTER_NANOS) {
                // a slow transport: do not let finished rows wait for the whole batch
                record(outcomes);
                flushed = System.nanoTime();
            }
            NotificationSender sender = byChannel.get(row.notification().channel());
            try {
                if (sender == null) {
                    throw new NotificationSender.Failure(
                            row.notification().channel() + " 발송 수단이 설정되지 않았습니다(메시지 모듈/게이트웨이 설정 필요).", false);
                }
                sender.send(row.id(), row.notification());
                outcomes.add(row.id(), "SENT", null, null);
            } catch (NotificationSender.Failure f) {
                boolean giveUp = f.permanent() || row.attempts() >= maxAttempts;
                Duration backoff = Duration.ofSeconds(Math.min(3600, 5L << Math.min(row.attempts(), 10)));
                outcomes.add(row.id(), giveUp ? "FAILED" : "PENDING", f.getMessage(), clock.instant().plus(backoff));
                log.info("notification {} ({}) failed, attempt {}{}: {}", row.id(), row.notification().purpose(),
                        row.attempts(), giveUp ? " — giving up" : "", f.getMessage());
            } catch (RuntimeException e) {
                outcomes.add(row.id(), "PENDING", e.toString(), clock.instant().plusSeconds(30));
                log.warn("notification {} failed unexpectedly", row.id(), e);
            }
        }
        record(outcomes);
        return rows.size();
    }

    /** What happened to each row of a claimed batch, written back in one statement. */
    private static final class Outcomes {
        final Long[] ids;
        final String[] statuses;
        final String[] errors;
        final Long[] nextMillis;
        int size;

        Outcomes(int capacity) {
            ids = new Long[capacity];
            statuses = new String[capacity];
            errors = new String[capacity];
            nextMillis = new Long[capacity];
        }

        void clear() {
            size = 0;
        }

        void add(long id, String status, String error, Instant next) {
            ids[size] = id;
            statuses[size] = status;
            errors[size] = error;
            nextMillis[size] = next == null ? null : next.toEpochMilli();
            size++;
        }
    }

    /**
     * Writes the outcomes gathered so far in one statement (one commit for a batch instead of one per message): at the end
     * of the batch, or earlier when the transport is slow ({@link #FLUSH_AFTER_NANOS}). A crash before this write leaves
     * those rows claimed; they are released as stale and sent again. The SMS/KakaoTalk gateway drops the repeat by its
     * idempotency key ({@code n<outboxId>}); an e-mail can then arrive twice, as the one message in flight could before.
     */
    private void record(Outcomes o) {
        if (o.size == 0) {
            return;
        }
        jdbc.sql("""
                        update platform_notification n
                           set status = v.status,
                               last_error = v.error,
                               sent_at = case when v.status = 'SENT' then :now else n.sent_at end,
                               next_attempt_at = coalesce(to_timestamp(v.next_ms / 1000.0), n.next_attempt_at)
                          from unnest(:ids::bigint[], :statuses::text[], :errors::text[], :nexts::bigint[])
                               as v(id, status, error, next_ms)
                         where n.id = v.id""")
                .param("now", Timestamp.from(clock.instant()))
                .param("ids", Arrays.copyOf(o.ids, o.size)).param("statuses", Arrays.copyOf(o.statuses, o.size))
                .param("errors", Arrays.copyOf(o.errors, o.size)).param("nexts", Arrays.copyOf(o.nextMillis, o.size))
                .update();
        o.clear();
    }

    private static List<Notification.Attachment> attachments(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split("\n")).map(line -> {
            int bar = line.indexOf('|');
            return new Notification.Attachment(line.substring(0, bar), line.substring(bar + 1));
        }).toList();
    }
}
