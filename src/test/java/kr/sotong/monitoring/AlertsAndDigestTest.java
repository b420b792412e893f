package kr.sotong.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import kr.sotong.monitoring.alert.Alerts;
import kr.sotong.monitoring.alert.Digest;
import kr.sotong.monitoring.ingest.Ingestion;
import kr.sotong.monitoring.ingest.Sources;
import kr.sotong.platform.Roles;
import kr.sotong.press.PressReleasePublished;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.Outbox;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import kr.sotong.testsupport.TestEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@SotongTest
class AlertsAndDigestTest {

    @Autowired
    Alerts alerts;
    @Autowired
    Digest digest;
    @Autowired
    Sources sources;
    @Autowired
    Staff staff;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    private Long dutyId;

    @AfterEach
    void cleanUp() {
        clock.reset();
        if (dutyId != null) {
            alerts.offDuty(dutyId);
        }
    }

    private static String mobile() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "010" + (1000 + r.nextInt(9000)) + (1000 + r.nextInt(9000));
    }

    @Test
    void aNegativeArticleReachesTheOnDutyOfficerByEmailAndSmsWithinAMinute() throws Exception {
        var officer = staff.create(Roles.PRESS);
        String phone = mobile();
        dutyId = alerts.putOnDuty(officer.username(), phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7));
        assertThat(alerts.roster()).filteredOn(d -> d.id() == dutyId).singleElement()
                .satisfies(d -> assertThat(d.mobileMasked()).contains("****"));
        assertThat(jdbc.sql("select mobile from monitoring_duty where id = :id").param("id", dutyId).query(String.class).single())
                .startsWith("pd1:").doesNotContain(phone);

        String outlet = "경인일보-" + UUID.randomUUID().toString().substring(0, 6);
        Ingestion.Outcome o = sources.enter(outlet, Fixtures.CRITICAL_TITLE, null, null, Fixtures.CRITICAL_BODY);
        long articleId = o.articleId();
        Instant ingested = jdbc.sql("select ingested_at from monitoring_article where id = :id").param("id", articleId)
                .query(Timestamp.class).single().toInstant();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Outbox.Message> mails = outbox.to(officer.email()).stream().filter(m -> "monitoring.alert".equals(m.purpose())).toList();
            List<Outbox.Message> sms = outbox.to(phone).stream().filter(m -> "monitoring.alert".equals(m.purpose())).toList();
            assertThat(mails).hasSize(1);
            assertThat(sms).hasSize(1);
            assertThat(mails.get(0).subject()).contains("부정 보도 의심").contains(Fixtures.CRITICAL_TITLE);
            assertThat(mails.get(0).body()).contains("특혜").contains("/staff/monitoring/articles/" + articleId);
            assertThat(sms.get(0).channel()).isEqualTo("SMS");
            assertThat(sms.get(0).body()).contains("부정보도").contains(outlet);
        });
        Instant queued = jdbc.sql("""
                        select min(created_at) from platform_notification where purpose = 'monitoring.alert'
                        and idempotency_key like :k""").param("k", "monitoring.alert.%." + articleId + ".%")
                .query(Timestamp.class).single().toInstant();
        assertThat(Duration.between(ingested, queued)).isLessThan(Duration.ofMinutes(1));
        // delivered by SMTP within the minute as well
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Arrays.stream(TestEnvironment.greenMail().getReceivedMessages())
                .anyMatch(m -> to(m, officer.email()) && subject(m).contains(Fixtures.CRITICAL_TITLE))).isTrue());
        // the same article never alerts twice
        alerts.alertIngested(articleId);
        assertThat(outbox.to(officer.email()).stream().filter(m -> "monitoring.alert".equals(m.purpose())).count()).isEqualTo(1);
    }

    private static boolean to(MimeMessage m, String email) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(email));
        } catch (Exception e) {
            return false;
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    @Test
    void theDailyDigestListsFlaggedArticlesFirstThenCoverageByRelease() {
        var officer = staff.create(Roles.PRESS);
        dutyId = alerts.putOnDuty(officer.username(), null);
        int year = 2032 + ThreadLocalRandom.current().nextInt(0, 60);
        LocalDate day = LocalDate.of(year, 7, 15);
        long releaseId = ThreadLocalRandom.current().nextLong(100_000_000, 900_000_000);
        Instant releaseAt = day.minusDays(1).atTime(6, 0).atZone(MutableClock.SEOUL).toInstant();
        clock.setTo(day.minusDays(1).atTime(7, 0));
        tx.executeWithoutResult(s -> events.publishEvent(new PressReleasePublished(releaseId, 1, Fixtures.RELEASE_TITLE, null,
                Fixtures.RELEASE_BODY, "일자리정책과", releaseAt, releaseAt, false, "/press/" + releaseId)));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from monitoring_release where release_id = :r")
                .param("r", releaseId).query(Long.class).single() == 1);
        String run = UUID.randomUUID().toString().substring(0, 6);
        Instant morning = day.minusDays(1).atTime(10, 0).atZone(MutableClock.SEOUL).toInstant();
        sources.enter("서울일보-" + run, Fixtures.REWRITES[0][1], null, morning, Fixtures.REWRITES[0][2]);
        sources.enter("한강경제-" + run, Fixtures.REWRITES[1][1], null, morning.plusSeconds(600), Fixtures.REWRITES[1][2]);
        sources.enter("지역신문-" + run, Fixtures.CRITICAL_TITLE, null, morning.plusSeconds(1200), Fixtures.CRITICAL_BODY);
        sources.enter("지역신문-" + run, Fixtures.NEUTRAL_TITLE, null, morning.plusSeconds(1800), Fixtures.NEUTRAL_BODY);

        clock.setTo(day.atTime(7, 59));
        assertThat(digest.sendIfDue()).isZero();
        clock.setTo(LocalDateTime.of(day, java.time.LocalTime.of(8, 0, 30)));
        assertThat(digest.sendIfDue()).isGreaterThanOrEqualTo(1);
        assertThat(digest.sendIfDue()).isZero();

        Outbox.Message mail = outbox.to(officer.email()).stream().filter(m -> "monitoring.digest".equals(m.purpose()))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(mail.subject()).contains("7월 15일 보도 스크랩");
        String body = mail.body();
        assertThat(body).contains("■ 주의 기사 (1건)").contains("! [지역신문-" + run + "] " + Fixtures.CRITICAL_TITLE);
        assertThat(body.indexOf("■ 주의 기사")).isLessThan(body.indexOf("■ 보도자료별 보도"));
        assertThat(body).contains("▶ " + Fixtures.RELEASE_TITLE + " — 2건, 2개 언론사");
        assertThat(body.indexOf(Fixtures.REWRITES[0][1])).isGreaterThan(body.indexOf("■ 보도자료별 보도"));
        assertThat(body.indexOf(Fixtures.NEUTRAL_TITLE)).isGreaterThan(body.indexOf("■ 기타 보도"));
        GreenMailUtil.class.getName();
    }
}
