package kr.sotong.messaging.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's machine callbacks: delivery reports and inbound replies (MO), authenticated by an
 * HMAC-SHA256 signature over {@code timestamp + "." + body} with the shared webhook secret, at most
 * five minutes old. A report is applied once (by its report id); duplicates and reports for unknown
 * messages are acknowledged and ignored. A failed 알림톡 gets its SMS/LMS fallback.
 */
@Service
public class DeliveryReports {

    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final MessagingSettings settings;
    private final Clock clock;
    private final DeliveryEngine engine;
    private final NotificationTransports.Transport transport;
    private final Subscribers subscribers;

    DeliveryReports(JdbcClient jdbc, MessagingSettings settings, Clock clock, DeliveryEngine engine,
                    NotificationTransports.Transport transport, Subscribers subscribers) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.engine = engine;
        this.transport = transport;
        this.subscribers = subscribers;
    }

    /** Throws UNAUTHENTICATED unless the signature over {@code timestamp.body} matches the shared secret. */
    public void verify(String timestamp, String signature, String body) {
        String secret = settings.webhookSecret();
        if (secret == null || secret.isBlank()) {
            throw DomainException.unauthenticated("웹훅 비밀키(sotong.messaging.webhook-secret)가 설정되지 않아 받을 수 없습니다.");
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp == null ? "" : timestamp.strip());
        } catch (NumberFormatException e) {
            throw DomainException.unauthenticated("X-Gateway-Timestamp 헤더가 없거나 잘못되었습니다.");
        }
        Instant at = Instant.ofEpochSecond(ts);
        if (Duration.between(at, clock.instant()).abs().compareTo(MAX_AGE) > 0) {
            throw DomainException.unauthenticated("웹훅 시각이 5분 이상 차이 납니다(재전송 공격 방지).");
        }
        String sig = signature == null ? "" : signature.strip();
        if (sig.startsWith("sha256=")) {
            sig = sig.substring(7);
        }
        if (!Hmac.equal(Hmac.hex(secret, timestamp.strip() + "." + body), sig)) {
            throw DomainException.unauthenticated("웹훅 서명(X-Gateway-Signature)이 맞지 않습니다.");
        }
    }

    public record Applied(int received, int applied, int duplicates, int unknown) {
    }

    /** Applies delivery reports: {@code {"reports":[{"reportId","messageKey","messageId","status","code"}]}}. */
    @Transactional
    public Applied apply(String body) {
        JsonNode root;
        try {
            root = GatewayClient.JSON.readTree(body);
        } catch (RuntimeException e) {
            throw new DomainException("messaging.report.json", "배달 결과 JSON을 해석할 수 없습니다.");
        }
        JsonNode reports = root.path("reports");
        if (!reports.isArray()) {
            throw new DomainException("messaging.report.shape", "배달 결과에 reports 배열이 없습니다.");
        }
        int applied = 0;
        int dup = 0;
        int unknown = 0;
        Instant now = clock.instant();
        List<Long> touched = new ArrayList<>();
        for (JsonNode r : reports) {
            String key = r.path("messageKey").asString("");
            String status = r.path("status").asString("");
            String code = r.path("code").asString(null);
            String reportId = r.path("reportId").asString("");
            if (key.isBlank() || !(status.equals("DELIVERED") || status.equals("FAILED"))) {
                unknown++;
                continue;
            }
            String reportKey = (reportId.isBlank() ? key + ":" + status : reportId);
            if (reportKey.length() > 200) {
                reportKey = reportKey.substring(0, 200);
            }
            int fresh = jdbc.sql("""
                            insert into messaging_report (report_key, status, code, received_at) values (:k, :s, :c, :now)
                            on conflict (report_key) do nothing""")
                    .param("k", reportKey).param("s", status).param("c", code).param("now", Timestamp.from(now)).update();
            if (fresh == 0) {
                dup++;
                continue;
            }
            if (key.startsWith("n")) {
                if (status.equals("FAILED") && !key.endsWith("-fb") && code != null && code.startsWith("31")) {
                    transport.fallbackAfterReport(key);
                }
                applied++;
                continue;
            }
            var delivery = jdbc.sql("select id, bulletin_id, message_type, status from messaging_delivery where idempotency_key = :k for update")
                    .param("k", key).query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)})
                    .optional();
            if (delivery.isEmpty()) {
                unknown++;
                continue;
            }
            long id = (Long) delivery.get()[0];
            String current = (String) delivery.get()[3];
            jdbc.sql("update messaging_report set delivery_id = :d where report_key = :k").param("d", id).param("k", reportKey).update();
            if (!(current.equals("SENT") || current.equals("SENDING"))) {
                dup++;
                continue; // already final: a late or repeated report changes nothing
            }
            if (status.equals("DELIVERED")) {
                jdbc.sql("update messaging_delivery set status = 'DELIVERED', reported_at = :now where id = :id")
                        .param("now", Timestamp.from(now)).param("id", id).update();
            } else if ("ATA".equals(delivery.get()[2])) {
                jdbc.sql("update messaging_delivery set status = 'FALLBACK', reported_at = :now, last_error = :e where id = :id")
                        .param("now", Timestamp.from(now)).param("e", "알림톡 배달 실패(" + code + ") → 문자 대체 발송").param("id", id).update();
                engine.insertFallback(id, now);
                engine.wakeUpAfterCommit();
            } else {
                jdbc.sql("update messaging_delivery set status = 'FAILED', reported_at = :now, last_error = :e where id = :id")
                        .param("now", Timestamp.from(now)).param("e", "배달 실패 보고(" + code + ")").param("id", id).update();
            }
            touched.add((Long) delivery.get()[1]);
            applied++;
        }
        return new Applied(reports.size(), applied, dup, unknown);
    }

    /** Inbound replies: an opt-out keyword ("수신거부", "STOP" …) ends every subscription of the number. */
    @Transactional
    public int inbound(String body) {
        JsonNode root;
        try {
            root = GatewayClient.JSON.readTree(body);
        } catch (RuntimeException e) {
            throw new DomainException("messaging.inbound.json", "수신 메시지 JSON을 해석할 수 없습니다.");
        }
        int ended = 0;
        for (JsonNode m : root.path("messages")) {
            String from = m.path("from").asString("");
            String text = m.path("text").asString("");
            String id = m.path("inboundId").asString("");
            if (!id.isBlank()) {
                int fresh = jdbc.sql("insert into messaging_report (report_key, status, received_at) values (:k, 'INBOUND', :now) on conflict do nothing")
                        .param("k", "mo:" + (id.length() > 190 ? id.substring(0, 190) : id)).param("now", Timestamp.from(clock.instant())).update();
                if (fresh == 0) {
                    continue;
                }
            }
            if (Subscribers.isOptOutKeyword(text) && kr.sotong.shared.PhoneNumber.tryParse(from).valid()) {
                ended += subscribers.optOutContact(from, "REPLY_KEYWORD", "회신 문자 '" + (text.length() > 20 ? text.substring(0, 20) : text) + "'");
            }
        }
        return ended;
    }
}
