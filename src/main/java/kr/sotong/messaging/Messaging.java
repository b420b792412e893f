package kr.sotong.messaging;

import java.util.List;
import java.util.Map;
import kr.sotong.messaging.internal.Subscribers;
import kr.sotong.platform.Notification;
import kr.sotong.platform.Notifications;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask of messaging: subscriber counts (channel metrics, dashboard) and sending a
 * personal message to a subscriber without ever seeing the number (e.g. a coupon code to a KakaoTalk
 * channel subscriber). Residents' contacts never leave this module in clear text.
 */
@Service
public class Messaging {

    private final Subscribers subscribers;
    private final Notifications notifications;
    private final JdbcClient jdbc;

    Messaging(Subscribers subscribers, Notifications notifications, JdbcClient jdbc) {
        this.subscribers = subscribers;
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    /** A subscriber as other modules see it: id and masked contact only. */
    public record SubscriberRef(long subscriberId, SubscriberChannel channel, String maskedContact) {
    }

    public Map<SubscriberChannel, Long> activeSubscriberCounts() {
        return subscribers.activeCounts();
    }

    public long activeSubscribers(SubscriberChannel channel) {
        return subscribers.activeCounts().getOrDefault(channel, 0L);
    }

    /** Active subscribers of a channel, oldest first, skipping ids already served (for coupon issuing). */
    public List<SubscriberRef> subscribers(SubscriberChannel channel, int limit, java.util.Collection<Long> exclude) {
        List<Long> ex = exclude == null || exclude.isEmpty() ? List.of(-1L) : List.copyOf(exclude);
        return jdbc.sql("""
                        select id, channel, contact_masked from messaging_subscriber
                         where channel = :ch and status = 'ACTIVE' and id not in (:ex) order by id limit :l""")
                .param("ch", channel.name()).param("ex", ex).param("l", Math.max(0, Math.min(limit, 100_000)))
                .query((rs, i) -> new SubscriberRef(rs.getLong(1), SubscriberChannel.valueOf(rs.getString(2)), rs.getString(3)))
                .list();
    }

    /**
     * Sends a personal message (e.g. a coupon) to an active subscriber through the notifications port:
     * SMS for SMS and KakaoTalk subscribers (알림톡 needs a template; the caller passes plain text),
     * e-mail for e-mail subscribers. Idempotent on {@code idempotencyKey}.
     * @return the outbox id
     */
    @Transactional
    public long sendToSubscriber(long subscriberId, String subject, String text, String purpose, String idempotencyKey) {
        var c = subscribers.contactForSending(subscriberId, purpose)
                .orElseThrow(() -> new DomainException("messaging.subscriber.inactive", "구독 중인 구독자가 아닙니다: " + subscriberId));
        Notification n = c.channel() == SubscriberChannel.EMAIL ? Notification.email(c.value(), subject, text, purpose)
                : Notification.sms(c.value(), text, purpose);
        return notifications.send(n.withIdempotencyKey(idempotencyKey));
    }
}
