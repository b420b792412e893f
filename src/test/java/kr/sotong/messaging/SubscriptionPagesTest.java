package kr.sotong.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import kr.sotong.messaging.internal.Subscribers;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.platform.Roles;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.Outbox;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Double opt-in through the public pages, consent records, opt-out link, 2-year advertising re-confirmation, staff views. */
@SotongTest
class SubscriptionPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Outbox outbox;
    @Autowired
    Subscribers subscribers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    MutableClock clock;
    @Autowired
    Staff staff;

    @Test
    void doubleOptInRecordsConsentAndTheLinkOptsOut() throws Exception {
        String phone = MessagingTestSupport.phone();
        String typed = phone.substring(0, 3) + " " + phone.substring(3, 7) + "." + phone.substring(7);
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/subscribe").session(session).with(csrf()).param("channel", "SMS").param("contact", "02-123-4567").param("agree", "yes"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("휴대전화 번호")));
        mvc.perform(post("/subscribe").session(session).with(csrf()).param("channel", "SMS").param("contact", typed))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("필수")));
        mvc.perform(post("/subscribe").session(session).with(csrf()).param("channel", "SMS").param("contact", typed).param("agree", "yes")
                .param("advertising", "yes")).andExpect(redirectedUrl("/subscribe/confirm"));
        mvc.perform(get("/subscribe/confirm").session(session)).andExpect(content().string(org.hamcrest.Matchers.containsString("010-****-")));
        mvc.perform(post("/subscribe/confirm").session(session).with(csrf()).param("code", "000000"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("인증번호가 맞지 않습니다")));
        assertThat(statusOf(phone)).isEqualTo("PENDING");
        mvc.perform(post("/subscribe/confirm").session(session).with(csrf()).param("code", outbox.lastCode(phone)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("구독이 시작되었습니다")));
        assertThat(statusOf(phone)).isEqualTo("ACTIVE");
        long id = jdbc.sql("select id from messaging_subscriber where contact_hash = :h").param("h", cipher.lookupHash(phone)).query(Long.class).single();
        assertThat(jdbc.sql("select purpose || ':' || granted || ':' || wording_version || ':' || source from messaging_consent where subscriber_id = :s order by id")
                .param("s", id).query(String.class).list()).containsExactly("INFORMATION:true:2025-01:WEB", "ADVERTISING:true:2025-01:WEB");
        assertThat(jdbc.sql("select contact from messaging_subscriber where id = :id").param("id", id).query(String.class).single())
                .startsWith("pd1:").doesNotContain(phone);

        // staff search by number: masked, and the look-up is in the access log
        var pr = staff.create(Roles.PR_MEDIA);
        mvc.perform(get("/staff/messaging/subscribers").param("q", typed).with(staff.as(pr)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(kr.sotong.shared.Masking.phone(phone))))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(phone))));
        assertThat(jdbc.sql("select count(*) from platform_audit_log where category = 'ACCESS' and entity_type = 'Subscriber' and entity_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single()).isGreaterThanOrEqualTo(1);

        String token = jdbc.sql("select token from messaging_subscriber where id = :id").param("id", id).query(String.class).single();
        mvc.perform(get("/unsubscribe/" + token)).andExpect(content().string(org.hamcrest.Matchers.containsString("수신 거부하기")));
        mvc.perform(post("/unsubscribe/" + token).with(csrf())).andExpect(content().string(org.hamcrest.Matchers.containsString("처리되었습니다")));
        mvc.perform(post("/unsubscribe/" + token).with(csrf())).andExpect(status().isOk());
        assertThat(statusOf(phone)).isEqualTo("OPTED_OUT");
        assertThat(subscribers.suppressed(phone, SubscriberChannel.SMS)).isTrue();
    }

    @Test
    void advertisingConsentIsReconfirmedEveryTwoYearsAndLapsesOtherwise() throws Exception {
        String phone = MessagingTestSupport.phone();
        MessagingTestSupport.importSubscribers(subscribers, java.util.List.<String[]>of(new String[] {"SMS", phone, "Y", "N"}));
        try {
            // the import's consent date is 2024-03-05: notice 30 days before 2026-03-05
            clock.setTo(java.time.LocalDateTime.of(2026, 2, 10, 10, 0));
            assertThat(subscribers.sendReconfirmationNotices()).isGreaterThanOrEqualTo(1);
            assertThat(outbox.to(phone)).anyMatch(m -> m.body().contains("수신동의 확인") && m.body().contains("/subscribe/reconfirm/"));
            int again = subscribers.sendReconfirmationNotices();
            assertThat(outbox.to(phone).stream().filter(m -> m.purpose().equals("messaging.reconfirm")).count()).isEqualTo(1);
            long id = jdbc.sql("select id from messaging_subscriber where contact_hash = :h").param("h", cipher.lookupHash(phone)).query(Long.class).single();
            String token = jdbc.sql("select token from messaging_subscriber where id = :id").param("id", id).query(String.class).single();
            mvc.perform(post("/subscribe/reconfirm/" + token).with(csrf()).param("keep", "yes"))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("유지했습니다")));
            Instant confirmed = subscribers.view(id).orElseThrow().advertisingConfirmedAt();
            assertThat(confirmed).isEqualTo(clock.instant());
            assertThat(again).isGreaterThanOrEqualTo(0);
        } finally {
            clock.reset();
        }
    }

    private String statusOf(String phone) {
        return jdbc.sql("select status from messaging_subscriber where contact_hash = :h and channel = 'SMS'")
                .param("h", cipher.lookupHash(phone)).query(String.class).single();
    }
}
