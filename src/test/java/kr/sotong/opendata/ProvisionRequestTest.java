package kr.sotong.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.sotong.opendata.requests.ProvisionDesk;
import kr.sotong.opendata.requests.ProvisionRequest;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.Roles;
import kr.sotong.shared.DomainException;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.Outbox;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Residents' provision requests: the form, the status page with a one-time code, statutory deadlines, PDF notices. */
@SotongTest
class ProvisionRequestTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ProvisionDesk desk;
    @Autowired
    MutableClock clock;
    @Autowired
    Outbox outbox;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FileStore files;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String phone() {
        return String.format("010%08d", (int) (Math.random() * 100_000_000));
    }

    private long submitThroughForm(String phone) throws Exception {
        String html = mvc.perform(post("/data/requests").with(csrf()).param("name", "홍길동").param("phone", phone)
                        .param("email", "hong@example.kr").param("title", "관내 CCTV 설치 현황").param("dataDescription", "위치, 설치 연도")
                        .param("purpose", "안전 지도 앱").param("consent", "true").with(from(phone)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("(OD-\\d{4}-\\d{5})").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return Long.parseLong(m.group(1).substring(8));
    }

    @Test
    void deadlinesWarningOnDaySevenExtensionOnceAndNotices() throws Exception {
        var officer = staff.create(Roles.DATA_AI);
        clock.setTo(LocalDateTime.of(2025, 3, 3, 10, 0));
        String phone = phone();
        long id = submitThroughForm(phone);
        ProvisionRequest r = desk.find(id).orElseThrow();
        assertThat(r.receivedOn()).isEqualTo(LocalDate.of(2025, 3, 3));
        assertThat(r.deadline()).isEqualTo(LocalDate.of(2025, 3, 13));
        assertThat(r.internalReportDue()).isEqualTo(LocalDate.of(2025, 3, 11));
        // personal data is encrypted at rest and findable only by its keyed hash
        String stored = jdbc.sql("select requester_phone from opendata_provision_request where id = :id").param("id", id)
                .query(String.class).single();
        assertThat(stored).startsWith("pd1:").doesNotContain(phone.substring(3));

        clock.setTo(LocalDateTime.of(2025, 3, 9, 9, 0)); // day 6: nothing yet
        desk.checkDeadlines();
        assertThat(warnings(officer.email(), r.receiptNo())).isZero();
        clock.setTo(LocalDateTime.of(2025, 3, 10, 9, 0)); // day 7: warned once
        desk.checkDeadlines();
        desk.checkDeadlines();
        assertThat(warnings(officer.email(), r.receiptNo())).isEqualTo(1);

        long notice = desk.extend(id, "자료 취합에 시간이 더 필요합니다");
        assertThat(desk.find(id).orElseThrow().deadline()).isEqualTo(LocalDate.of(2025, 3, 23));
        assertThat(desk.find(id).orElseThrow().status()).isEqualTo(ProvisionRequest.Status.EXTENDED);
        assertThatThrownBy(() -> desk.extend(id, "또 연장")).isInstanceOf(DomainException.class).hasMessageContaining("한 번만");
        assertThat(pdfText(notice)).contains("기간 연장 통지서").contains("2025년 3월 23일").contains("자료 취합");
        assertThat(outbox.to(phone).stream().anyMatch(m -> m.body().contains("2025-03-23"))).isTrue();

        clock.setTo(LocalDateTime.of(2025, 3, 20, 9, 0));
        long provided = desk.provide(id, "누리집에서 내려받으세요", null, "/data/cctv");
        assertThat(pdfText(provided)).contains("제공 결정 통지서").contains("/data/cctv");
        assertThatThrownBy(() -> desk.refuse(id, "늦은 거부")).isInstanceOf(DomainException.class);
        assertThat(outbox.to("hong@example.kr").stream().anyMatch(m -> m.subject().contains("제공 결정"))).isTrue();
    }

    @Test
    void overdueRequestsAlertOnceAndRefusalNamesTheDisputeRoute() throws Exception {
        var officer = staff.create(Roles.DATA_AI);
        clock.setTo(LocalDateTime.of(2025, 4, 1, 9, 0));
        long id = desk.submit(new ProvisionDesk.Form("김영희", phone(), null, "주차장 현황", "주차면 수", "연구"), "test-" + phone()).id();
        String receipt = desk.find(id).orElseThrow().receiptNo();
        clock.setTo(LocalDateTime.of(2025, 4, 12, 9, 0)); // deadline 4/11 passed
        desk.checkDeadlines();
        desk.checkDeadlines();
        long alerts = outbox.to(officer.email()).stream().filter(m -> m.subject().contains("기한 초과") && m.subject().contains(receipt)).count();
        assertThat(alerts).isEqualTo(1);
        assertThatThrownBy(() -> desk.extend(id, "늦은 연장")).hasMessageContaining("지나");
        assertThatThrownBy(() -> desk.refuse(id, " ")).hasMessageContaining("사유");
        long notice = desk.refuse(id, "개인정보가 포함되어 있어 제공할 수 없습니다");
        assertThat(pdfText(notice)).contains("제공 거부 통지서").contains("60일").contains("분쟁조정").contains("개인정보가 포함");
    }

    @Test
    void statusPageNeedsReceiptPhoneAndOneTimeCode() throws Exception {
        String phone = phone();
        long id = submitThroughForm(phone);
        String receipt = desk.find(id).orElseThrow().receiptNo();
        MockHttpSession session = new MockHttpSession();
        String page = mvc.perform(post("/data/requests/status/code").with(csrf()).session(session)
                        .param("receiptNo", receipt).param("phone", "010-0000-0000"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("맞는 신청이 없습니다");
        mvc.perform(post("/data/requests/status/code").with(csrf()).session(session).param("receiptNo", receipt).param("phone", phone))
                .andExpect(status().isOk());
        String wrong = mvc.perform(post("/data/requests/status/verify").with(csrf()).session(session).param("receiptNo", receipt)
                .param("phone", phone).param("code", "000000")).andReturn().getResponse().getContentAsString();
        String code = outbox.lastCode(phone);
        if (!code.equals("000000")) {
            assertThat(wrong).contains("인증번호가 맞지 않습니다");
        }
        var result = mvc.perform(post("/data/requests/status/verify").with(csrf()).session(session).param("receiptNo", receipt)
                        .param("phone", phone).param("code", code))
                .andExpect(redirectedUrl("/data/requests/status")).andReturn();
        MockHttpSession verified = (MockHttpSession) result.getRequest().getSession();
        String status = mvc.perform(get("/data/requests/status").session(verified)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(status).contains(receipt).contains("관내 CCTV 설치 현황").contains("접수");
        assertThat(status).doesNotContain(phone);
    }

    @Test
    void formRefusesBadInputWithKoreanMessages() throws Exception {
        String html = mvc.perform(post("/data/requests").with(csrf()).param("name", "홍길동").param("phone", "12345")
                        .param("title", "데이터").param("dataDescription", "내용").param("purpose", "목적").param("consent", "true")
                        .with(from(phone())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("전화번호");
        String noConsent = mvc.perform(post("/data/requests").with(csrf()).param("name", "홍길동").param("phone", phone())
                        .param("title", "데이터").param("dataDescription", "내용").param("purpose", "목적"))
                .andReturn().getResponse().getContentAsString();
        assertThat(noConsent).contains("동의해야");
    }

    private long warnings(String email, String receipt) {
        return outbox.to(email).stream().filter(m -> m.subject().contains("임박") && m.subject().contains(receipt)).count();
    }

    private String pdfText(long noticeId) throws Exception {
        var n = desk.notice(noticeId);
        byte[] bytes = files.open(n.sha256()).readAllBytes();
        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        try (var doc = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** A distinct client address per test request, so the public form's rate limit does not couple tests. */
    static org.springframework.test.web.servlet.request.RequestPostProcessor from(String key) {
        return request -> {
            request.setRemoteAddr("test-" + key);
            return request;
        };
    }
}
