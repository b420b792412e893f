package kr.sotong.messaging;

import static kr.sotong.messaging.MessagingTestSupport.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import kr.sotong.messaging.internal.Bulletins;
import kr.sotong.messaging.internal.DeliveryEngine;
import kr.sotong.messaging.internal.MessagingSettings;
import kr.sotong.messaging.internal.Subscribers;
import kr.sotong.platform.Notification;
import kr.sotong.platform.Notifications;
import kr.sotong.platform.Roles;
import kr.sotong.shared.DomainException;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The delivery engine against a local stub gateway: retries after 5xx and time-outs without double
 * delivery, slow answers, partial rejections, Kakao fallback, duplicate delivery reports, the night
 * rule, opt-out honoured by the next bulletin, and the platform's SMS notifications.
 */
@SotongTest
class MessagingDeliveryTest {

    @Autowired
    Subscribers subscribers;
    @Autowired
    Bulletins bulletins;
    @Autowired
    DeliveryEngine engine;
    @Autowired
    MessagingSettings settings;
    @Autowired
    Notifications notifications;
    @Autowired
    Staff staff;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    kr.sotong.platform.PersonalDataCipher cipher;
    @LocalServerPort
    int port;

    StubGateway stub;
    MessagingSettings.Values original;

    @BeforeEach
    void stub() throws Exception {
        stub = new StubGateway(MessagingTestSupport.API_KEY, MessagingTestSupport.API_SECRET);
        original = settings.current();
        settings.replace(MessagingTestSupport.stubSettings(stub, Duration.ofSeconds(2)));
    }

    @AfterEach
    void restore() {
        settings.replace(original);
        stub.close();
        clock.reset();
    }

    private long bulletin(SubscriberChannel ch, boolean ad, String body, String kakaoCode) {
        long[] id = new long[1];
        staff.runAs(staff.create(Roles.PR_MEDIA), () -> id[0] = bulletins.create(new Bulletins.Draft("시험 " + body, ch, ad, null,
                kakaoCode, null, body, "", null)));
        return id[0];
    }

    private String status(long bulletinId, String number) {
        return jdbc.sql("""
                        select d.status from messaging_delivery d join messaging_subscriber s on s.id = d.subscriber_id
                         where d.bulletin_id = :b and d.fallback_of is null and s.contact_hash = :h""")
                .param("b", bulletinId).param("h", cipher.lookupHash(number)).query(String.class).list().stream()
                .findFirst().orElse("NONE");
    }

    private List<StubGateway.Accepted> bulletinMessagesTo(String number, long bulletinId) {
        return stub.acceptedTo(number).stream().filter(a -> a.key().startsWith("b" + bulletinId + "-")).toList();
    }

    @Test
    void serverErrorIsRetriedWithBackoffAndDeliveredOnce() {
        String a = phone();
        MessagingTestSupport.importSubscribers(subscribers, List.<String[]>of(new String[] {"SMS", a, "N", "N"}));
        long b = bulletin(SubscriberChannel.SMS, false, "[금천구] 503 재시도 안내", null);
        // every request of this bulletin's first round fails (other tests' subscribers share the bulletin,
        // so the first round may take several requests)
        stub.failNext("b" + b + "-", 100_000, 503);
        clock.setTo(java.time.Instant.now());
        bulletins.start(b, "test");
        await().atMost(Duration.ofSeconds(10)).until(() -> stub.requests() >= 1
                && jdbc.sql("select count(*) from messaging_delivery where bulletin_id = :b and (status = 'SENDING' or (status = 'PENDING' and attempts = 0))")
                .param("b", b).query(Long.class).single() == 0);
        assertThat(bulletinMessagesTo(a, b)).isEmpty();
        stub.failNext(0, 503);
        clock.advance(Duration.ofSeconds(30));
        engine.wakeUp();
        await().atMost(Duration.ofSeconds(10)).until(() -> bulletinMessagesTo(a, b).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> bulletins.report(b).pending() == 0);
        assertThat(bulletins.report(b).accepted()).isEqualTo(bulletins.report(b).recipients());
        await().atMost(Duration.ofSeconds(10)).until(() -> bulletins.bulletin(b).status().name().equals("SENT"));
    }

    @Test
    void timeoutIsRetriedWithTheSameKeyAndTheGatewayDeliversOnce() {
        settings.replace(MessagingTestSupport.stubSettings(stub, Duration.ofMillis(400)));
        String a = phone();
        MessagingTestSupport.importSubscribers(subscribers, List.<String[]>of(new String[] {"SMS", a, "N", "N"}));
        stub.delay(Duration.ofMillis(1200));
        long b = bulletin(SubscriberChannel.SMS, false, "[금천구] 시간 초과 재시도", null);
        clock.setTo(java.time.Instant.now());
        bulletins.start(b, "test");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from messaging_delivery where bulletin_id = :b and status = 'PENDING' and last_error like '%시간 초과%'")
                .param("b", b).query(Long.class).single() > 0);
        stub.delay(Duration.ZERO);
        clock.advance(Duration.ofSeconds(30));
        engine.wakeUp();
        await().atMost(Duration.ofSeconds(10)).until(() -> bulletins.report(b).pending() == 0);
        assertThat(bulletinMessagesTo(a, b)).hasSize(1);
        assertThat(stub.duplicates()).isGreaterThanOrEqualTo(1);
        assertThat(status(b, a)).isEqualTo("SENT");
    }

    @Test
    void slowAnswerWithinTheTimeoutIsFineAndPartialRejectionsFailOnlyThoseNumbers() {
        String ok = phone();
        String bad = phone();
        MessagingTestSupport.importSubscribers(subscribers, List.<String[]>of(new String[] {"SMS", ok, "N", "N"},
                new String[] {"SMS", bad, "N", "N"}));
        stub.delay(Duration.ofMillis(300));
        stub.rejectNumbers(Set.of(bad));
        long b = bulletin(SubscriberChannel.SMS, false, "[금천구] 일부 거절 안내", null);
        bulletins.start(b, "test");
        await().atMost(Duration.ofSeconds(10)).until(() -> bulletins.report(b).pending() == 0);
        assertThat(bulletinMessagesTo(ok, b)).hasSize(1);
        assertThat(bulletinMessagesTo(bad, b)).isEmpty();
        assertThat(status(b, ok)).isEqualTo("SENT");
        assertThat(status(b, bad)).isEqualTo("FAILED");
        assertThat(bulletins.report(b).failed()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select last_error from messaging_delivery where bulletin_id = :b and status = 'FAILED'").param("b", b)
                .query(String.class).list()).allMatch(e -> e.contains("수신 불가 번호"));
    }

    @Test
    void kakaoFailuresFallBackToSmsAndDuplicateReportsAreHarmless() throws Exception {
        String user = phone();
        String nonUser = phone();
        String code = "GC-" + System.nanoTime();
        staff.runAs(staff.create(Roles.PR_MEDIA), () -> bulletins.saveTemplate(null, "주간 소식 " + code, SubscriberChannel.KAKAO, code, null,
                "[금천구 주간 소식]\n#{제목}\n자세히: #{링크}", true));
        MessagingTestSupport.importSubscribers(subscribers, List.<String[]>of(new String[] {"KAKAO", user, "N", "N"},
                new String[] {"KAKAO", nonUser, "N", "N"}));
        stub.kakaoNonUsers(Set.of(nonUser));
        long[] id = new long[1];
        assertThatThrownBy(() -> staff.runAs(staff.create(Roles.PR_MEDIA), () -> bulletins.create(new Bulletins.Draft("변수 누락",
                SubscriberChannel.KAKAO, false, null, code, null, "", "제목=개청 30주년", null))))
                .isInstanceOf(DomainException.class).hasMessageContaining("#{링크}");
        staff.runAs(staff.create(Roles.PR_MEDIA), () -> id[0] = bulletins.create(new Bulletins.Draft("목요일 카톡", SubscriberChannel.KAKAO,
                false, null, code, null, "", "제목=개청 30주년 기념 행사\n링크=https://www.geumcheon.go.kr", null)));
        long b = id[0];
        bulletins.start(b, "test");
        await().atMost(Duration.ofSeconds(10)).until(() -> bulletins.report(b).pending() == 0);
        assertThat(bulletinMessagesTo(user, b)).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo("ATA");
            assertThat(m.templateCode()).isEqualTo(code);
            assertThat(m.text()).contains("개청 30주년 기념 행사");
        });
        assertThat(bulletinMessagesTo(nonUser, b)).singleElement().satisfies(m -> {
            assertThat(m.type()).isIn("SMS", "LMS");
            assertThat(m.key()).endsWith("-fb");
        });
        // the user's 알림톡 later fails (report): SMS fallback, once, however often the report comes
        String key = bulletinMessagesTo(user, b).get(0).key();
        String report = "{\"reports\":[{\"reportId\":\"R-" + key + "\",\"messageKey\":\"" + key + "\",\"status\":\"FAILED\",\"code\":\"3102\"}]}";
        String url = "http://localhost:" + port + "/api/v1/messaging/gateway/delivery-reports";
        assertThat(StubGateway.postSigned(url, MessagingTestSupport.WEBHOOK_SECRET, report)).isEqualTo(200);
        assertThat(StubGateway.postSigned(url, MessagingTestSupport.WEBHOOK_SECRET, report)).isEqualTo(200);
        assertThat(StubGateway.postSigned(url, "wrong-secret", report)).isEqualTo(401);
        await().atMost(Duration.ofSeconds(10)).until(() -> bulletinMessagesTo(user, b).size() == 2);
        Thread.sleep(500);
        assertThat(bulletinMessagesTo(user, b)).hasSize(2).anySatisfy(m -> assertThat(m.key()).isEqualTo(key + "-fb"));
        assertThat(bulletins.report(b).fallback()).isEqualTo(2);
    }

    @Test
    void deliveredReportsAreAppliedOnce() throws Exception {
        String a = phone();
        MessagingTestSupport.importSubscribers(subscribers, List.<String[]>of(new String[] {"SMS", a, "N", "N"}));
        long b = bulletin(SubscriberChannel.SMS, false, "[금천구] 배달 보고 시험", null);
        bulletins.start(b, "test");
        await().atMost(Duration.ofSeconds(10)).until(() -> bulletinMessagesTo(a, b).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(b, a).equals("SENT"));
        String key = bulletinMessagesTo(a, b).get(0).key();
        String url = "http://localhost:" + port + "/api/v1/messaging/gateway/delivery-reports";
        String delivered = "{\"reports\":[{\"reportId\":\"D-" + key + "\",\"messageKey\":\"" + key + "\",\"status\":\"DELIVERED\",\"code\":\"4000\"}]}";
        for (int i = 0; i < 3; i++) {
            assertThat(StubGateway.postSigned(url, MessagingTestSupport.WEBHOOK_SECRET, delivered)).isEqualTo(200);
        }
        String lateFailure = "{\"reports\":[{\"reportId\":\"F-" + key + "\",\"messageKey\":\"" + key + "\",\"status\":\"FAILED\",\"code\":\"4100\"}]}";
        assertThat(StubGateway.postSigned(url, MessagingTestSupport.WEBHOOK_SECRET, lateFailure)).isEqualTo(200);
        assertThat(status(b, a)).isEqualTo("DELIVERED");
        assertThat(jdbc.sql("select count(*) from messaging_report where report_key = :k").param("k", "D-" + key).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void advertisingWaitsUntilEightInTheMorningForThoseWithoutNightConsent() {
        clock.setTo(LocalDateTime.of(2025, 3, 3, 22, 0));
        String night = phone();
        String day = phone();
        String noAd = phone();
        MessagingTestSupport.importSubscribers(subscribers, List.<String[]>of(new String[] {"SMS", night, "Y", "Y"},
                new String[] {"SMS", day, "Y", "N"}, new String[] {"SMS", noAd, "N", "N"}));
        long b = bulletin(SubscriberChannel.SMS, true, "금천 한마음 축제 할인 쿠폰 안내", null);
        assertThat(bulletins.bulletin(b).rendered()).startsWith("(광고)금천구 ").endsWith("무료수신거부 080-123-4567");
        bulletins.start(b, "test");
        engine.wakeUp();
        await().atMost(Duration.ofSeconds(10)).until(() -> bulletinMessagesTo(night, b).size() == 1);
        assertThat(bulletinMessagesTo(day, b)).isEmpty();
        assertThat(bulletinMessagesTo(noAd, b)).isEmpty();
        assertThat(status(b, noAd)).isEqualTo("NONE");
        assertThat(status(b, day)).isEqualTo("PENDING");
        clock.setTo(LocalDateTime.of(2025, 3, 4, 8, 1));
        engine.wakeUp();
        await().atMost(Duration.ofSeconds(10)).until(() -> bulletinMessagesTo(day, b).size() == 1);
    }

    @Test
    void optOutIsHonouredByTheNextBulletin() {
        String stays = phone();
        String leaves = phone();
        MessagingTestSupport.importSubscribers(subscribers, List.<String[]>of(new String[] {"SMS", stays, "N", "N"},
                new String[] {"SMS", leaves, "N", "N"}));
        long first = bulletin(SubscriberChannel.SMS, false, "[금천구] 첫 소식", null);
        bulletins.start(first, "test");
        await().atMost(Duration.ofSeconds(10)).until(() -> bulletinMessagesTo(leaves, first).size() == 1);
        assertThat(subscribers.optOutContact(leaves, "REPLY_KEYWORD", "회신 '수신거부'")).isEqualTo(1);
        long second = bulletin(SubscriberChannel.SMS, false, "[금천구] 다음 소식", null);
        bulletins.start(second, "test");
        await().atMost(Duration.ofSeconds(10)).until(() -> bulletinMessagesTo(stays, second).size() == 1);
        assertThat(bulletinMessagesTo(leaves, second)).isEmpty();
        assertThat(status(second, leaves)).isEqualTo("NONE");
        // an old list cannot re-add the number: it is on the suppression list
        var report = subscribers.importList(("연락처,채널,동의일시,동의문구버전,동의경로\n" + leaves + ",SMS,2024-01-01,v1,종이 신청서\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
        assertThat(report.suppressed()).isEqualTo(1);
        assertThat(report.imported()).isZero();
    }

    @Test
    void otherModulesSmsNotificationsGoThroughTheGatewayWithTheOutboxIdAsKey() {
        String a = phone();
        long id = notifications.send(Notification.sms(a, "[금천구] 수강 신청이 확정되었습니다 🎉", "education.test"));
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications.status(id).state() == Notifications.State.SENT);
        assertThat(stub.acceptedTo(a)).singleElement().satisfies(m -> {
            assertThat(m.key()).isEqualTo("n" + id);
            assertThat(m.type()).isEqualTo("SMS");
            assertThat(m.text()).isEqualTo("[금천구] 수강 신청이 확정되었습니다 ?");
        });
        settings.replace(original);
        String b = phone();
        long unconfigured = notifications.send(Notification.sms(b, "게이트웨이 없음", "education.test"));
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications.status(unconfigured).lastError() != null);
        assertThat(notifications.status(unconfigured).lastError()).contains("게이트웨이가 설정되지 않았습니다");
    }

    @Test
    void emptyRecipientListAndBrokenImportsChangeNothing() {
        assertThatThrownBy(() -> bulletin(SubscriberChannel.EMAIL, false, "제목 없는 이메일", null))
                .hasMessageContaining("이메일 제목");
        long[] id = new long[1];
        staff.runAs(staff.create(Roles.PR_MEDIA), () -> id[0] = bulletins.create(new Bulletins.Draft("광고 메일", SubscriberChannel.EMAIL,
                true, null, null, "할인 안내", "이메일 광고 동의자가 없는 발송", "", null)));
        assertThatThrownBy(() -> bulletins.start(id[0], "test")).isInstanceOf(DomainException.class).hasMessageContaining("받을 구독자가 없습니다");
        assertThat(bulletins.bulletin(id[0]).status().name()).isEqualTo("DRAFT");
        assertThat(jdbc.sql("select count(*) from messaging_delivery where bulletin_id = :b").param("b", id[0]).query(Long.class).single()).isZero();
        long subscribersBefore = jdbc.sql("select count(*) from messaging_subscriber").query(Long.class).single();
        String broken = "연락처,채널,동의일시,동의문구버전,동의경로,광고동의\n"
                + "010-2222-3333,SMS,2024-01-02,v1,신청서,Y\n"
                + "02-123-4567,SMS,2024-01-02,v1,신청서,N\n"
                + "010-2222-3333,SMS,2024-01-02,v1,신청서,N\n"
                + "+82 10 4444 5555,문자,2024/01/02,v1,신청서,예\n"
                + "010-5555-666,SMS,2024-01-02,v1,신청서,N\n"
                + "010-7777-8888,팩스,2024-01-02,v1,신청서,N\n"
                + "010-7777-9999,SMS,내일,v1,신청서,N\n";
        var report = subscribers.importList(broken.getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
        assertThat(report.applied()).isFalse();
        assertThat(report.errors()).hasSize(5);
        assertThat(String.join("\n", report.errors())).contains("3행", "휴대전화", "4행", "중복", "6행", "11자리", "7행", "채널", "8행", "동의일시");
        assertThat(jdbc.sql("select count(*) from messaging_subscriber").query(Long.class).single()).isEqualTo(subscribersBefore);
    }
}
