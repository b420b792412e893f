package kr.sotong.platform;

import java.util.List;

/**
 * The notifications port: one way for every module to reach staff and residents. A notification is
 * written to an outbox in the caller's transaction and sent after commit by a background dispatcher,
 * retried with backoff and never lost; a rolled-back transaction sends nothing.
 * <p>
 * E-mail is built in (SMTP). SMS and KakaoTalk are provided by a {@link NotificationSender} for that
 * channel (the messaging module); without one, such notifications fail with a clear recorded reason.
 */
public interface Notifications {

    /** Queues a notification; returns its outbox id (the existing id when the idempotency key was seen). */
    long send(Notification notification);

    /**
     * Queues many notifications at once (one statement when every one has an idempotency key); returns their outbox
     * ids in the same order, as {@link #send} would.
     */
    List<Long> sendAll(List<Notification> notifications);

    /** Queues an e-mail to every enabled staff member with the role who has an e-mail address. */
    List<Long> notifyStaffWithRole(String role, String subject, String body, String purpose);

    /** Delivery state of a queued notification. */
    Status status(long id);

    enum State { PENDING, SENDING, SENT, FAILED }

    record Status(long id, State state, int attempts, String lastError) {
    }
}
