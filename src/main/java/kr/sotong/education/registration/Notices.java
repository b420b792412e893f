package kr.sotong.education.registration;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.sotong.education.catalogue.EducationProperties;
import kr.sotong.platform.Notification;
import kr.sotong.platform.Notifications;
import kr.sotong.shared.Masking;
import org.springframework.stereotype.Component;

/**
 * Messages to residents about their registrations: SMS to mobile numbers and, when given, e-mail — queued in the
 * platform outbox in the caller's transaction, each with an idempotency key so a retry never sends twice.
 * Bodies carry masked names only (the outbox stores bodies as they are).
 * <p>
 * SMS goes out through the messaging module: it contributes the platform's SMS/KakaoTalk transport (its gateway),
 * so this port is the way to reach it. Messaging's own facade only serves its subscribers (people who opted in to
 * district bulletins), which trainees are not; their numbers stay in this module, encrypted.
 */
@Component
public class Notices {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M월 d일(E) HH:mm", Locale.KOREAN).withZone(SEOUL);
    private static final String PREFIX = "[금천구 정보화교육] ";

    private final Notifications notifications;
    private final EducationProperties properties;

    Notices(Notifications notifications, EducationProperties properties) {
        this.notifications = notifications;
        this.properties = properties;
    }

    public static String when(Instant t) {
        return WHEN.format(t);
    }

    public String url(String path) {
        return properties.baseUrl() + path;
    }

    /** Sends {@code text} (without prefix) to the resident; {@code key} makes it idempotent. */
    public void send(Residents.Contact to, String key, String purpose, String subject, String text) {
        messages(to, key, purpose, subject, text).forEach(notifications::send);
    }

    /** The SMS (to a mobile number) and e-mail (when given) carrying {@code text}, not yet queued. */
    private List<Notification> messages(Residents.Contact to, String key, String purpose, String subject, String text) {
        String body = PREFIX + Masking.name(to.name()) + "님, " + text;
        List<Notification> out = new ArrayList<>(2);
        if (to.phone().isMobile()) {
            out.add(Notification.sms(to.phone().digits(), body, purpose).withIdempotencyKey(key + ":sms"));
        }
        if (to.email() != null) {
            out.add(Notification.email(to.email(), PREFIX + subject, body, purpose).withIdempotencyKey(key + ":mail"));
        }
        return out;
    }

    public void registered(Residents.Contact to, Registration r, String title, String firstSession, int position, String closes) {
        registeredMessages(to, r, title, firstSession, position, closes).forEach(notifications::send);
    }

    /** The registration result messages, for queueing many at once with {@link #queue}. */
    public List<Notification> registeredMessages(Residents.Contact to, Registration r, String title, String firstSession, int position,
                                                 String closes) {
        String text = switch (r.status()) {
            case CONFIRMED -> "「" + title + "」 수강이 확정되었습니다(신청번호 " + r.id() + "). 첫 수업: " + firstSession
                    + ". 확인·취소: " + url("/classes/my");
            case WAITLISTED -> "「" + title + "」 대기 " + position + "번으로 신청되었습니다(신청번호 " + r.id()
                    + "). 자리가 나면 문자로 알려 드립니다.";
            case APPLIED -> "「" + title + "」 추첨 신청이 접수되었습니다(신청번호 " + r.id() + "). 신청 마감(" + closes
                    + ") 뒤 추첨하여 결과를 알려 드립니다.";
            default -> throw new IllegalArgumentException(r.status().name());
        };
        return messages(to, "edu:reg:" + r.id() + ":" + r.status(), "education.registration", "수강 신청 결과", text);
    }

    /** Queues messages built by the {@code …Messages} methods, in one go. */
    public void queue(List<Notification> messages) {
        notifications.sendAll(messages);
    }

    public void drawn(Residents.Contact to, Registration r, String title, String firstSession, int position) {
        String text = r.status() == RegistrationStatus.CONFIRMED
                ? "「" + title + "」 추첨 결과 수강이 확정되었습니다(신청번호 " + r.id() + "). 첫 수업: " + firstSession + "."
                : "「" + title + "」 추첨 결과 대기 " + position + "번입니다(신청번호 " + r.id() + "). 자리가 나면 알려 드립니다.";
        send(to, "edu:draw:" + r.id(), "education.lottery", "추첨 결과", text);
    }

    public void offered(Residents.Contact to, Registration r, String title, String token) {
        send(to, "edu:offer:" + r.id() + ":" + r.offerExpiresAt().getEpochSecond(), "education.offer", "자리가 났습니다",
                "「" + title + "」에 자리가 났습니다. " + when(r.offerExpiresAt()) + "까지 확정해 주세요: "
                        + url("/classes/claim/" + token));
    }

    public void expired(Residents.Contact to, Registration r, String title) {
        send(to, "edu:expired:" + r.id(), "education.offer", "자리 확정 기한 지남",
                "「" + title + "」 자리 확정 기한이 지나 다음 대기자에게 자리를 넘겼습니다.");
    }

    public void cancelled(Residents.Contact to, Registration r, String title, String reason) {
        send(to, "edu:cancel:" + r.id(), "education.cancel", "신청 취소",
                "「" + title + "」 신청이 취소되었습니다" + (reason == null ? "." : " (" + reason + ")."));
    }

    public void reminder(Residents.Contact to, long registrationId, long sessionId, String title, int sessionNo, Instant starts,
                         String place) {
        send(to, "edu:remind:" + registrationId + ":" + sessionId, "education.reminder", "내일 수업 안내",
                "내일 " + when(starts) + " 「" + title + "」 " + sessionNo + "회차 수업이 " + place + "에서 있습니다.");
    }

    public void survey(Residents.Contact to, long registrationId, String title, String token) {
        send(to, "edu:survey:" + registrationId, "education.survey", "만족도 조사",
                "「" + title + "」 수강해 주셔서 고맙습니다. 만족도 조사에 참여해 주세요: " + url("/classes/survey/" + token));
    }

    public void certificate(Residents.Contact to, long registrationId, String title, String code) {
        send(to, "edu:cert:" + registrationId, "education.certificate", "수료 안내",
                "「" + title + "」 수료를 축하합니다. 수료증 확인번호 " + code + ": " + url("/classes/certificates/verify?code=" + code));
    }
}
