package kr.sotong.monitoring.alert;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.sotong.monitoring.ingest.Article;
import kr.sotong.monitoring.ingest.Articles;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.Notification;
import kr.sotong.platform.Notifications;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.platform.Roles;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.platform.StaffMember;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.Masking;
import kr.sotong.shared.PhoneNumber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The on-duty roster (당번) and the alerts sent to it: a flagged or high-impact article queues an e-mail to
 * every active on-duty staff member and an SMS to those with a mobile number, in the ingestion transaction
 * (the platform outbox sends them right after commit). Without anyone on duty, the press team (PRESS role)
 * gets the e-mail. Mobile numbers are personal data: encrypted, masked on screen, access logged.
 */
@Service
public class Alerts {

    public record Duty(long id, long accountId, String username, String displayName, String email, String mobileMasked,
                       boolean active) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M월 d일 HH:mm").withZone(ZoneId.of("Asia/Seoul"));

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final PersonalDataCipher cipher;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final Articles articles;
    private final Clock clock;
    private final String baseUrl;

    Alerts(JdbcClient jdbc, Notifications notifications, PersonalDataCipher cipher, StaffDirectory staff, AuditLog audit,
           Articles articles, Clock clock, @Value("${sotong.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.cipher = cipher;
        this.staff = staff;
        this.audit = audit;
        this.articles = articles;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public List<Duty> roster() {
        return jdbc.sql("select id, account_id, username, mobile_masked, active from monitoring_duty order by active desc, username")
                .query((rs, i) -> {
                    var m = staff.byId(rs.getLong(2));
                    return new Duty(rs.getLong(1), rs.getLong(2), rs.getString(3), m.map(StaffMember::displayName).orElse(rs.getString(3)),
                            m.map(StaffMember::email).orElse(null), rs.getString(4), rs.getBoolean(5));
                }).list();
    }

    @Transactional
    public long putOnDuty(String username, String mobile) {
        StaffMember member = staff.byUsername(username == null ? "" : username.strip())
                .orElseThrow(() -> new DomainException("monitoring.duty.unknown", "직원 계정을 찾을 수 없습니다: " + username));
        String digits = null;
        String masked = null;
        if (mobile != null && !mobile.isBlank()) {
            PhoneNumber p = PhoneNumber.parse(mobile);
            if (!p.isMobile()) {
                throw new DomainException("monitoring.duty.mobile", "문자 알림은 휴대전화 번호로만 받을 수 있습니다.");
            }
            digits = p.digits();
            masked = p.masked();
        }
        long id = jdbc.sql("""
                        insert into monitoring_duty (account_id, username, mobile, mobile_hash, mobile_masked, active, created_at, created_by)
                        values (:a, :u, :m, :h, :mm, true, :at, :by)
                        on conflict (account_id) do update set mobile = excluded.mobile, mobile_hash = excluded.mobile_hash,
                            mobile_masked = excluded.mobile_masked, active = true
                        returning id""")
                .param("a", member.id()).param("u", member.username()).param("m", cipher.encrypt(digits))
                .param("h", digits == null ? null : cipher.lookupHash(digits)).param("mm", masked)
                .param("at", Timestamp.from(clock.instant())).param("by", staff.currentActor()).query(Long.class).single();
        audit.record("monitoring.duty.assign", "MonitoringDuty", id,
                "언론 모니터링 당번 지정: " + member.username() + (masked == null ? "" : " (" + masked + ")"));
        return id;
    }

    @Transactional
    public void offDuty(long dutyId) {
        int n = jdbc.sql("update monitoring_duty set active = false where id = :id").param("id", dutyId).update();
        if (n == 0) {
            throw DomainException.notFound("당번", dutyId);
        }
        audit.record("monitoring.duty.release", "MonitoringDuty", dutyId, "언론 모니터링 당번 해제");
    }

    /** Shows one duty's full mobile number (logged as a personal-data access). */
    @Transactional
    public String revealMobile(long dutyId) {
        String enc = jdbc.sql("select mobile from monitoring_duty where id = :id").param("id", dutyId).query(String.class)
                .optional().orElseThrow(() -> DomainException.notFound("당번", dutyId));
        audit.recordAccess("MonitoringDuty", dutyId, "당번 휴대전화 번호 열람");
        return enc == null ? null : PhoneNumber.parse(cipher.decrypt(enc)).formatted();
    }

    /** Queues the alert for a newly ingested article (same transaction); idempotent per article and recipient. */
    @Transactional
    public int alertIngested(long articleId) {
        Article a = articles.get(articleId);
        String why = a.flagged() ? "부정 가능성 " + a.score() + "점" : "주요 매체 보도";
        String subject = "[언론 모니터링] " + (a.flagged() ? "부정 보도 의심" : "주요 보도") + ": " + a.title();
        String link = baseUrl + "/staff/monitoring/articles/" + a.id();
        String body = """
                %s

                언론사: %s
                보도 시각: %s
                판단 근거: %s%s
                관련 검색어: %s

                %s

                기사 보기(대응 사건 열기): %s
                원문: %s
                """.formatted(a.title(), a.outlet(), TIME.format(a.publishedAt()), why, reasonsLine(a),
                String.join(", ", a.matchedTerms()), a.lead(), link, a.url() == null ? "-" : a.url());
        String sms = "[소통] " + (a.flagged() ? "부정보도 의심 " : "주요보도 ") + a.outlet() + " " + shorten(a.title(), 30) + " " + link;
        int queued = 0;
        List<Object[]> duty = jdbc.sql("select id, account_id, mobile from monitoring_duty where active order by id")
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)}).list();
        List<String> emails = new ArrayList<>();
        for (Object[] d : duty) {
            var member = staff.byId((Long) d[1]).filter(StaffMember::enabled);
            if (member.isEmpty()) {
                continue;
            }
            if (member.get().email() != null && !member.get().email().isBlank()) {
                emails.add(member.get().email());
            }
            if (d[2] != null) {
                String phone = cipher.decrypt((String) d[2]);
                notifications.send(Notification.sms(phone, sms, "monitoring.alert")
                        .withIdempotencyKey("monitoring.alert.sms." + articleId + "." + d[0]));
                queued++;
            }
        }
        if (emails.isEmpty()) {
            staff.withRole(Roles.PRESS).stream().filter(StaffMember::enabled).map(StaffMember::email)
                    .filter(e -> e != null && !e.isBlank()).forEach(emails::add);
        }
        for (String e : emails.stream().distinct().toList()) {
            notifications.send(Notification.email(e, subject, body, "monitoring.alert")
                    .withIdempotencyKey("monitoring.alert.email." + articleId + "." + e.toLowerCase()));
            queued++;
        }
        jdbc.sql("update monitoring_article set alerted_at = :at where id = :id and alerted_at is null")
                .param("at", Timestamp.from(clock.instant())).param("id", articleId).update();
        return queued;
    }

    private static String reasonsLine(Article a) {
        if (!a.flagged() || a.reasons() == null) {
            return "";
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"word\"\\s*:\\s*\"([^\"]+)\"").matcher(a.reasons());
        Map<String, Boolean> words = new LinkedHashMap<>();
        while (m.find() && words.size() < 5) {
            words.put(m.group(1), true);
        }
        return words.isEmpty() ? "" : " (" + String.join(", ", words.keySet()) + ")";
    }

    static String shorten(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + "…";
    }

    /** For screens: who would get an alert now. */
    public List<String> currentRecipients() {
        List<String> out = new ArrayList<>();
        for (Duty d : roster()) {
            if (d.active()) {
                out.add(d.displayName() + (d.email() == null ? "" : " <" + Masking.email(d.email()) + ">")
                        + (d.mobileMasked() == null ? "" : " / " + d.mobileMasked()));
            }
        }
        return out;
    }

    public Instant now() {
        return clock.instant();
    }
}
