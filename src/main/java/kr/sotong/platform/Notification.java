package kr.sotong.platform;

import java.util.Objects;

/**
 * A message to a staff member or a resident. The recipient is an e-mail address for {@link Channel#EMAIL}
 * and a phone number for {@link Channel#SMS} / {@link Channel#KAKAO}. It is stored encrypted in the
 * outbox and shown masked.
 *
 * @param idempotencyKey optional: a second notification with the same key is ignored (never sent twice)
 * @param purpose        short machine word for reports and the delivery log, e.g. {@code press.distribution}
 * @param attachments    files from the {@link FileStore} to attach (e-mail only)
 */
public record Notification(Channel channel, String recipient, String subject, String body, String purpose,
                           String idempotencyKey, boolean advertising, java.util.List<Attachment> attachments) {

    public enum Channel { EMAIL, SMS, KAKAO }

    /** A stored file attached to an e-mail, under the name the recipient sees. */
    public record Attachment(String sha256, String fileName) {
    }

    public Notification {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(purpose, "purpose");
        attachments = attachments == null ? java.util.List.of() : java.util.List.copyOf(attachments);
    }

    public static Notification email(String to, String subject, String body, String purpose) {
        return new Notification(Channel.EMAIL, to, subject, body, purpose, null, false, null);
    }

    public static Notification sms(String phone, String body, String purpose) {
        return new Notification(Channel.SMS, phone, "", body, purpose, null, false, null);
    }

    public Notification withIdempotencyKey(String key) {
        return new Notification(channel, recipient, subject, body, purpose, key, advertising, attachments);
    }

    public Notification withAttachments(java.util.List<Attachment> files) {
        return new Notification(channel, recipient, subject, body, purpose, idempotencyKey, advertising, files);
    }
}
