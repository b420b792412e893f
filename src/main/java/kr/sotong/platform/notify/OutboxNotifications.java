package kr.sotong.platform.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kr.sotong.platform.Notification;
import kr.sotong.platform.Notifications;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.platform.StaffMember;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.EmailAddress;
import kr.sotong.shared.Masking;
import kr.sotong.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Writes notifications to the {@code platform_notification} outbox; the dispatcher sends them. */
@Service
class OutboxNotifications implements Notifications {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final NotificationDispatcher dispatcher;
    private final StaffDirectory staff;

    OutboxNotifications(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock, NotificationDispatcher dispatcher,
                        StaffDirectory staff) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
        this.dispatcher = dispatcher;
        this.staff = staff;
    }

    @Override
    @Transactional
    public long send(Notification n) {
        String recipient = normaliseRecipient(n);
        String hint = hint(n, recipient);
        String attachments = attachments(n);
        Long id = jdbc.sql("""
                        insert into platform_notification (channel, recipient, recipient_hint, subject, body, purpose, advertising,
                                                           attachments, idempotency_key, next_attempt_at, created_at)
                        values (:channel, :recipient, :hint, :subject, :body, :purpose, :advertising, :attachments, :key, :now, :now)
                        on conflict (idempotency_key) do nothing
                        returning id""")
                .param("channel", n.channel().name())
                .param("recipient", cipher.encrypt(recipient))
                .param("hint", hint)
                .param("subject", truncate(n.subject(), 300))
                .param("body", n.body())
                .param("purpose", truncate(n.purpose(), 40))
                .param("advertising", n.advertising())
                .param("attachments", attachments)
                .param("key", n.idempotencyKey())
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            return jdbc.sql("select id from platform_notification where idempotency_key = :key")
                    .param("key", n.idempotencyKey()).query(Long.class).single();
        }
        wakeDispatcherAfterCommit();
        return id;
    }

    /** Rows per insert statement (the rows travel as arrays; this bounds one statement's size, e.g. of a 37,317-recipient list). */
    private static final int ROWS_PER_STATEMENT = 500;

    @Override
    @Transactional
    public List<Long> sendAll(List<Notification> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        if (list.stream().anyMatch(n -> n.idempotencyKey() == null)) {
            return list.stream().map(this::send).toList();
        }
        // one row per key: the first notification with a key counts, as with two sends
        Map<String, Notification> byKey = new LinkedHashMap<>();
        list.forEach(n -> byKey.putIfAbsent(n.idempotencyKey(), n));
        List<Notification> unique = List.copyOf(byKey.values());
        Map<String, Long> ids = new HashMap<>();
        Timestamp now = Timestamp.from(clock.instant());
        for (int from = 0; from < unique.size(); from += ROWS_PER_STATEMENT) {
            insertAll(unique.subList(from, Math.min(unique.size(), from + ROWS_PER_STATEMENT)), now, ids);
        }
        if (ids.size() < unique.size()) {
            List<String> seen = byKey.keySet().stream().filter(k -> !ids.containsKey(k)).toList();
            jdbc.sql("select id, idempotency_key from platform_notification where idempotency_key in (:keys)")
                    .param("keys", seen).query(rs -> {
                        ids.put(rs.getString(2), rs.getLong(1));
                    });
        }
        wakeDispatcherAfterCommit();
        return list.stream().map(n -> ids.get(n.idempotencyKey())).toList();
    }

    /** One multi-row insert; the ids of the rows inserted (not those whose key was already there) go into {@code ids}. */
    private void insertAll(List<Notification> rows, Timestamp now, Map<String, Long> ids) {
        int size = rows.size();
        String[] channel = new String[size];
        String[] recipient = new String[size];
        String[] hint = new String[size];
        String[] subject = new String[size];
        String[] body = new String[size];
        String[] purpose = new String[size];
        Boolean[] advertising = new Boolean[size];
        String[] attachments = new String[size];
        String[] key = new String[size];
        for (int i = 0; i < size; i++) {
            Notification n = rows.get(i);
            String to = normaliseRecipient(n);
            channel[i] = n.channel().name();
            recipient[i] = cipher.encrypt(to);
            hint[i] = hint(n, to);
            subject[i] = truncate(n.subject(), 300);
            body[i] = n.body();
            purpose[i] = truncate(n.purpose(), 40);
            advertising[i] = n.advertising();
            attachments[i] = attachments(n);
            key[i] = n.idempotencyKey();
        }
        // arrays, not a VALUES list: the statement text is the same for any number of rows, so it is parsed and planned once
        jdbc.sql("""
                        insert into platform_notification (channel, recipient, recipient_hint, subject, body, purpose, advertising,
                                                           attachments, idempotency_key, next_attempt_at, created_at)
                        select r.channel, r.recipient, r.hint, r.subject, r.body, r.purpose, r.advertising, r.attachments, r.key, :now, :now
                          from unnest(:channel::text[], :recipient::text[], :hint::text[], :subject::text[], :body::text[],
                                      :purpose::text[], :advertising::boolean[], :attachments::text[], :key::text[]) with ordinality
                               as r(channel, recipient, hint, subject, body, purpose, advertising, attachments, key, ord)
                         order by r.ord
                        on conflict (idempotency_key) do nothing
                        returning id, idempotency_key""")
                .param("now", now).param("channel", channel).param("recipient", recipient).param("hint", hint)
                .param("subject", subject).param("body", body).param("purpose", purpose).param("advertising", advertising)
                .param("attachments", attachments).param("key", key)
                .query(rs -> {
                    ids.put(rs.getString(2), rs.getLong(1));
                });
    }

    @Override
    @Transactional
    public List<Long> notifyStaffWithRole(String role, String subject, String body, String purpose) {
        List<Long> ids = new ArrayList<>();
        for (StaffMember m : staff.withRole(role)) {
            if (m.email() != null && !m.email().isBlank()) {
                ids.add(send(Notification.email(m.email(), subject, body, purpose)));
            }
        }
        return ids;
    }

    @Override
    public Status status(long id) {
        return jdbc.sql("select id, status, attempts, last_error from platform_notification where id = :id")
                .param("id", id)
                .query((rs, i) -> new Status(rs.getLong(1), State.valueOf(rs.getString(2)), rs.getInt(3), rs.getString(4)))
                .optional().orElseThrow(() -> DomainException.notFound("알림", id));
    }

    private void wakeDispatcherAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.wakeUp();
                }
            });
        } else {
            dispatcher.wakeUp();
        }
    }

    private static String hint(Notification n, String recipient) {
        return n.channel() == Notification.Channel.EMAIL ? Masking.email(recipient) : Masking.phone(recipient);
    }

    private static String attachments(Notification n) {
        return n.attachments().stream().map(a -> a.sha256() + "|" + a.fileName().replace("\n", " "))
                .collect(Collectors.joining("\n"));
    }

    private static String normaliseRecipient(Notification n) {
        return switch (n.channel()) {
            case EMAIL -> EmailAddress.normalise(n.recipient());
            case SMS, KAKAO -> PhoneNumber.parse(n.recipient()).digits();
        };
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
