package kr.sotong.press;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import kr.sotong.platform.Notification;
import kr.sotong.platform.Notifications;
import kr.sotong.platform.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * Sends one document to every recipient of the chosen press-contact lists through the platform's
 * notification outbox: one e-mail per reporter with the attachments, an idempotency key per
 * (distribution, reporter) so nothing is ever sent twice, and a delivery-log row per recipient.
 * Runs inside the caller's transaction: a rollback sends nothing.
 */
@Component
class Distributor {

    private final ContactRepository contacts;
    private final DeliveryRepository deliveries;
    private final Notifications notifications;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    Distributor(ContactRepository contacts, DeliveryRepository deliveries, Notifications notifications,
                PersonalDataCipher cipher, Clock clock) {
        this.contacts = contacts;
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** @param key stable identity of what is sent (e.g. {@code rel:12:2}, {@code doc:7}) */
    record Outgoing(String key, Long releaseId, Integer edition, Long documentId, List<String> listCodes, String subject,
                    String body, List<Notification.Attachment> attachments, String actor, String historyKind) {
    }

    record Result(long distributionId, int recipients) {
    }

    Result send(Outgoing o) {
        List<ContactRepository.Recipient> recipients = contacts.recipients(o.listCodes());
        long distributionId = deliveries.insertDistribution(o.releaseId(), o.edition(), o.documentId(), o.listCodes(),
                o.subject(), clock.instant(), o.actor(), recipients.size());
        List<Long> ids = new ArrayList<>();
        for (ContactRepository.Recipient r : recipients) {
            Notification n = Notification.email(cipher.decrypt(r.emailEnc()), o.subject(), o.body(), "press.distribution")
                    .withIdempotencyKey("press:" + o.key() + ":" + r.reporterId())
                    .withAttachments(o.attachments());
            long notificationId = notifications.send(n);
            ids.add(notificationId);
            deliveries.insertDelivery(distributionId, r.reporterId(), notificationId, r.emailMasked());
            contacts.history(r.reporterId(), o.historyKind(), o.subject(), o.actor(), clock.instant());
        }
        return new Result(distributionId, recipients.size());
    }
}
