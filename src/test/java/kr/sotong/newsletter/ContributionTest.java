package kr.sotong.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import kr.sotong.newsletter.issue.IssueService;
import kr.sotong.newsletter.issue.NewsletterIssue;
import kr.sotong.platform.Roles;
import kr.sotong.platform.StaffMember;
import kr.sotong.testsupport.Outbox;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Residents' photos and stories: one-time code, encrypted personal data, masked review with access log,
 * acceptance into an issue with a notice to the contributor; bad photos refused with nothing saved.
 */
@SotongTest
class ContributionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Outbox outbox;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IssueService issues;

    static String phone() {
        return "010" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    /** Verifies the phone in a fresh session and returns it. */
    MockHttpSession verified(String phone) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/newsletter/contribute/code").session(session).with(csrf()).param("contact", phone))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("인증번호 입력")));
        mvc.perform(post("/newsletter/contribute/verify").session(session).with(csrf()).param("contact", phone)
                        .param("code", "000000"))
                .andExpect(content().string(Matchers.containsString("인증번호가 맞지 않습니다")));
        mvc.perform(post("/newsletter/contribute/verify").session(session).with(csrf()).param("contact", phone)
                        .param("code", outbox.lastCode(phone)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/newsletter/contribute").session(session)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("보낼 내용")));
        return session;
    }

    static Map<String, String> form(String title) {
        return Map.of("theme", "개청 30주년 — 금천의 지난 30년", "title", title, "story", "1998년 독산동 시장 앞에서 찍은 가족 사진입니다.",
                "name", "홍길동", "credit", "NAME", "consentPublication", "true", "consentRights", "true",
                "consentPrivacy", "true");
    }

    org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder submit(MockHttpSession session,
                                                                                            Map<String, String> form) {
        var req = multipart("/newsletter/contribute");
        form.forEach(req::param);
        req.session(session).with(csrf());
        return req;
    }

    long count() {
        return jdbc.sql("select count(*) from newsletter_contribution").query(Long.class).single();
    }

    @Test
    void contributionIsEncryptedMaskedLoggedAcceptedAndTheContributorIsTold() throws Exception {
        String phone = phone();
        MockHttpSession session = verified(phone);
        String title = "독산동 시장 " + phone;
        String html = mvc.perform(submit(session, form(title))
                        .file(new MockMultipartFile("photos", "family.jpg", "image/jpeg", NewsletterFixtures.image("jpg", 64, 48))))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("접수번호")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("010-****-" + phone.substring(7));

        var row = jdbc.sql("select id, name_enc, contact_enc, contact_hash from newsletter_contribution where title = :t")
                .param("t", title).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)}).single();
        long id = Long.parseLong(row[0]);
        assertThat(row[1]).startsWith("pd1:").doesNotContain("홍길동");
        assertThat(row[2]).startsWith("pd1:").doesNotContain(phone);
        assertThat(row[3]).hasSize(64).doesNotContain(phone);
        assertThat(jdbc.sql("select count(*) from newsletter_contribution_photo where contribution_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(outbox.to(phone)).anyMatch(m -> m.body().contains("참여해 주셔서 감사합니다"));
        // the session's proof was used up
        mvc.perform(get("/newsletter/contribute").session(session))
                .andExpect(content().string(Matchers.containsString("인증번호 받기")));

        StaffMember editor = staff.create(Roles.PR_MEDIA);
        long accessBefore = accessRows(id);
        mvc.perform(get("/staff/newsletter/contributions").with(staff.as(editor))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(title)));
        mvc.perform(get("/staff/newsletter/contributions/" + id).with(staff.as(editor))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("홍*동")))
                .andExpect(content().string(Matchers.containsString("010-****-" + phone.substring(7))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("홍길동"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString(phone.substring(3, 7) + "-"))));
        assertThat(accessRows(id)).isEqualTo(accessBefore + 1);
        mvc.perform(post("/staff/newsletter/contributions/" + id + "/reveal").with(staff.as(editor)).with(csrf())
                        .param("purpose", "사진 원본 요청 전화"))
                .andExpect(content().string(Matchers.containsString("홍길동")));
        assertThat(accessRows(id)).isEqualTo(accessBefore + 3);
        mvc.perform(get("/staff/newsletter/contributions/" + id + "/photos/0").with(staff.as(editor)))
                .andExpect(status().isOk()).andExpect(content().contentType("image/jpeg"));
        mvc.perform(get("/staff/newsletter/contributions/" + id + "/photos/0")).andExpect(status().is3xxRedirection());

        int number = NewsletterFixtures.uniqueNumber();
        NewsletterIssue issue = issues.create(new IssueService.IssueForm(number, NewsletterFixtures.monthOf(number), "특별호",
                40, true, null));
        mvc.perform(post("/staff/newsletter/contributions/" + id + "/accept").with(staff.as(editor)).with(csrf())
                        .param("issueId", issue.getId().toString()))
                .andExpect(flash().attribute("info", Matchers.containsString("채택")));
        assertThat(outbox.to(phone)).anyMatch(m -> m.body().contains("제" + issue.getNumber() + "호")
                && m.body().contains("실릴 예정"));
        mvc.perform(post("/staff/newsletter/contributions/" + id + "/reject").with(staff.as(editor)).with(csrf())
                        .param("reason", "중복"))
                .andExpect(flash().attribute("error", "이미 검토를 마친 참여입니다."));
        mvc.perform(get("/staff/newsletter/contributions").param("issue", issue.getId().toString()).with(staff.as(editor)))
                .andExpect(content().string(Matchers.containsString(title)));
    }

    long accessRows(long id) {
        return jdbc.sql("select count(*) from platform_audit_log where category = 'ACCESS' and entity_type = 'NewsletterContribution' and entity_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single();
    }

    @Test
    void badPhotosAndMissingConsentAreRefusedAndNothingIsSaved() throws Exception {
        MockHttpSession session = verified(phone());
        long before = count();
        mvc.perform(submit(session, form("확장자 거짓말"))
                        .file(new MockMultipartFile("photos", "photo.png", "image/png", NewsletterFixtures.image("jpg", 20, 20))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("파일 확장자(.png)와 실제 내용(JPEG 이미지)이 다릅니다")));
        mvc.perform(submit(session, form("사진이 아닌 파일"))
                        .file(new MockMultipartFile("photos", "photo.jpg", "image/jpeg", "MZ not a photo".getBytes())))
                .andExpect(content().string(Matchers.containsString("JPEG, PNG, GIF 이미지만")));
        mvc.perform(submit(session, form("압축 폭탄"))
                        .file(new MockMultipartFile("photos", "bomb.png", "image/png", NewsletterFixtures.pngBomb(100_000, 100_000))))
                .andExpect(content().string(Matchers.containsString("이미지가 너무 큽니다(100000×100000픽셀)")));
        mvc.perform(submit(session, form("너무 큰 파일"))
                        .file(new MockMultipartFile("photos", "big.jpg", "image/jpeg", new byte[21 * 1024 * 1024])))
                .andExpect(content().string(Matchers.containsString("허용된 크기(20MB)보다 큽니다")));
        var noConsent = new java.util.HashMap<>(form("동의 없음"));
        noConsent.remove("consentPrivacy");
        mvc.perform(submit(session, noConsent)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("모두 체크해야")));
        assertThat(count()).isEqualTo(before);
        // an unverified visitor cannot post at all
        mvc.perform(submit(new MockHttpSession(), form("인증 없음")))
                .andExpect(content().string(Matchers.containsString("본인 확인 시간이 지났습니다")));
        assertThat(count()).isEqualTo(before);
    }
}
