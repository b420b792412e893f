package kr.sotong.messaging.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.sotong.messaging.SubscriberChannel;
import kr.sotong.platform.Notification;
import kr.sotong.platform.NotificationSender;
import kr.sotong.platform.PersonalDataCipher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The platform notifications port's SMS and KakaoTalk transports, over the same gateway as bulletins:
 * every module's {@code Notifications.send(Notification.sms(...))} is delivered here. The platform's
 * outbox id is the gateway idempotency key ({@code n<outboxId>}), so a retried notification is never
 * delivered twice.
 * <p>
 * KakaoTalk ({@link Notification.Channel#KAKAO}): the notification's {@code subject} is the approved
 * 알림톡 template code and its {@code body} the filled-in template text. Without an approved template,
 * or when Kakao rejects the message (not a KakaoTalk user, template mismatch), the text goes as
 * SMS/LMS instead (key {@code n<outboxId>-fb}); a later Kakao failure report triggers the same fallback.
 */
@Configuration(proxyBeanMethods = false)
class NotificationTransports {

    @Bean
    NotificationSender smsNotificationSender(Transport transport) {
        return new NotificationSender() {
            @Override
            public Notification.Channel channel() {
                return Notification.Channel.SMS;
            }

            @Override
            public void send(long outboxId, Notification n) throws Failure {
                transport.sms(outboxId, "n" + outboxId, n);
            }
        };
    }

    @Bean
    NotificationSender kakaoNotificationSender(Transport transport) {
        return new NotificationSender() {
            @Override
            public Notification.Channel channel() {
                return Notification.Channel.KAKAO;
            }

            @Override
            public void send(long outboxId, Notification n) throws Failure {
                transport.kakao(outboxId, n);
            }
        };
    }

    @org.springframework.stereotype.Component
    static class Transport {

        private final GatewayClient gateway;
        private final MessagingSettings settings;
        private final Subscribers subscribers;
        private final Bulletins bulletins;
        private final JdbcClient jdbc;
        private final PersonalDataCipher cipher;
        private final Clock clock;

        Transport(GatewayClient gateway, MessagingSettings settings, Subscribers subscribers, Bulletins bulletins,
                  JdbcClient jdbc, PersonalDataCipher cipher, Clock clock) {
            this.gateway = gateway;
            this.settings = settings;
            this.subscribers = subscribers;
            this.bulletins = bulletins;
            this.jdbc = jdbc;
            this.cipher = cipher;
            this.clock = clock;
        }

        private void requireConfigured() throws NotificationSender.Failure {
            if (!gateway.configured()) {
                throw new NotificationSender.Failure(GatewayClient.notConfiguredReason(), false);
            }
            if (settings.senderNumber() == null || settings.senderNumber().isBlank()) {
                throw new NotificationSender.Failure("발신번호(sotong.messaging.sender-number)가 설정되지 않아 문자를 보낼 수 없습니다.", false);
            }
        }

        private void checkAdvertising(Notification n, SubscriberChannel channel) throws NotificationSender.Failure {
            if (!n.advertising()) {
                return;
            }
            if (NightRule.isNight(clock.instant())) {
                throw new NotificationSender.Failure("광고성 메시지는 21:00~08:00에 보낼 수 없습니다(정보통신망법 제50조). 08:00 이후 다시 보내세요.", true);
            }
            if (subscribers.suppressed(n.recipient(), channel)) {
                throw new NotificationSender.Failure("수신 거부한 번호라 광고성 메시지를 보내지 않았습니다.", true);
            }
        }

        void sms(long outboxId, String key, Notification n) throws NotificationSender.Failure {
            requireConfigured();
            checkAdvertising(n, SubscriberChannel.SMS);
            String text = SmsText.sanitise(n.body());
            int bytes = SmsText.bytes(text);
            String subject = n.subject() == null || n.subject().isBlank() ? null : SmsText.cut(n.subject(), SmsText.SUBJECT_MAX_BYTES);
            MessageType type = SmsText.typeFor(bytes, subject != null, false);
            if (type == null) {
                throw new NotificationSender.Failure("문자는 2,000바이트까지 보낼 수 있습니다(현재 " + bytes + "바이트).", true);
            }
            send(new GatewayClient.OutMessage(key, type, settings.senderNumber(), n.recipient(),
                    type == MessageType.SMS ? null : subject, text, null, null));
        }

        void kakao(long outboxId, Notification n) throws NotificationSender.Failure {
            requireConfigured();
            checkAdvertising(n, SubscriberChannel.KAKAO);
            String code = n.subject() == null ? "" : n.subject().strip();
            Optional<Bulletins.Template> template = bulletins.kakaoTemplate(code).filter(Bulletins.Template::approved);
            Notification asSms = new Notification(Notification.Channel.SMS, n.recipient(), "", n.body(), n.purpose(),
                    n.idempotencyKey(), n.advertising(), List.of());
            if (template.isEmpty() || n.advertising() || n.body().length() > Composer.KAKAO_MAX_CHARS) {
                sms(outboxId, "n" + outboxId + "-fb", asSms);
                return;
            }
            String key = "n" + outboxId;
            jdbc.sql("""
                            insert into messaging_notification_fallback (message_key, recipient, text, created_at)
                            values (:k, :r, :t, :now) on conflict (message_key) do nothing""")
                    .param("k", key).param("r", cipher.encrypt(n.recipient())).param("t", n.body())
                    .param("now", Timestamp.from(clock.instant())).update();
            GatewayClient.Result r = result(key, new GatewayClient.OutMessage(key, MessageType.ATA, settings.senderNumber(),
                    n.recipient(), null, n.body(), null, code));
            if (r.accepted()) {
                return;
            }
            if (r.kakaoFailure()) {
                sms(outboxId, key + "-fb", asSms);
                return;
            }
            throw new NotificationSender.Failure("알림톡 거절(" + r.code() + "): " + r.reason(), true);
        }

        private void send(GatewayClient.OutMessage m) throws NotificationSender.Failure {
            GatewayClient.Result r = result(m.messageKey(), m);
            if (!r.accepted()) {
                throw new NotificationSender.Failure("문자 게이트웨이 거절(" + r.code() + "): " + r.reason(), true);
            }
        }

        private GatewayClient.Result result(String key, GatewayClient.OutMessage m) throws NotificationSender.Failure {
            try {
                Map<String, GatewayClient.Result> results = gateway.send(List.of(m));
                GatewayClient.Result r = results.get(key);
                if (r == null) {
                    throw new NotificationSender.Failure("게이트웨이 응답에 결과가 없습니다.", false);
                }
                return r;
            } catch (GatewayClient.GatewayException e) {
                throw new NotificationSender.Failure(e.getMessage(), !e.transientFailure(), e);
            }
        }

        /** A Kakao notification failed after acceptance (delivery report): send its text as SMS/LMS once. */
        void fallbackAfterReport(String messageKey) {
            var row = jdbc.sql("select recipient, text from messaging_notification_fallback where message_key = :k and fallback_at is null for update")
                    .param("k", messageKey).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
            if (row.isEmpty()) {
                return;
            }
            String to = cipher.decrypt(row.get()[0]);
            try {
                sms(0, messageKey + "-fb", Notification.sms(to, row.get()[1], "messaging.kakao-fallback"));
                jdbc.sql("update messaging_notification_fallback set fallback_at = :now where message_key = :k")
                        .param("now", Timestamp.from(clock.instant())).param("k", messageKey).update();
            } catch (NotificationSender.Failure f) {
                org.slf4j.LoggerFactory.getLogger(Transport.class).warn("SMS fallback of {} failed: {}", messageKey, f.getMessage());
            }
        }
    }
}
