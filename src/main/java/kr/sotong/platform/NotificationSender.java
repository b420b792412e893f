package kr.sotong.platform;

/**
 * Sends notifications of one channel. The platform provides e-mail; other modules contribute SMS and
 * KakaoTalk senders as beans. A sender throws {@link NotificationSender.Failure} when the message could
 * not be delivered; {@code permanent} failures are not retried.
 */
public interface NotificationSender {

    Notification.Channel channel();

    /** Delivers one message. {@code outboxId} is stable across retries (use it as an idempotency key). */
    void send(long outboxId, Notification notification) throws Failure;

    class Failure extends Exception {
        private final boolean permanent;

        public Failure(String message, boolean permanent) {
            super(message);
            this.permanent = permanent;
        }

        public Failure(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
