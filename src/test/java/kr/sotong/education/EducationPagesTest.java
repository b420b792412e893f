package kr.sotong.education;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.LocalDate;
import java.time.LocalTime;
import kr.sotong.education.attendance.AttendanceStatus;
import kr.sotong.education.attendance.RollCall;
import kr.sotong.education.catalogue.Catalogue;
import kr.sotong.education.catalogue.Courses;
import kr.sotong.education.counselling.CounsellingDesk;
import kr.sotong.education.quiz.QuizMaster;
import kr.sotong.education.registration.Channel;
import kr.sotong.education.registration.Outcome;
import kr.sotong.education.registration.Registrar;
import kr.sotong.platform.Roles;
import kr.sotong.testsupport.Outbox;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Every education page renders; the residents' flow works over HTTP; staff pages need the role. */
@SotongTest
class EducationPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    EducationFixtures fixtures;
    @Autowired
    Registrar registrar;
    @Autowired
    Courses courses;
    @Autowired
    RollCall rollCall;
    @Autowired
    CounsellingDesk desk;
    @Autowired
    QuizMaster quizzes;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.beans.factory.ObjectProvider<kr.sotong.platform.DashboardTile> tiles;

    @Test
    void residentSignsUpWithACodeAndSeesTheResultInPlainWords() throws Exception {
        long course = fixtures.create(fixtures.spec().title("스마트폰 입문 웹").capacity(1));
        registrar.register(course, EducationFixtures.applicant("먼저온분"), Channel.PHONE);
        mvc.perform(get("/classes")).andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("스마트폰 입문 웹")));
        mvc.perform(get("/classes/" + course)).andExpect(status().isOk());
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/classes/" + course + "/apply").session(session)).andExpect(status().isOk());
        String phone = EducationFixtures.phone();
        // without consent: a clear message, no code sent
        mvc.perform(post("/classes/" + course + "/apply").session(session).with(csrf())
                        .param("name", "김영희").param("phone", phone).param("group", "SENIOR_65"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("개인정보 수집·이용에 동의해야")));
        assertThat(outbox.to(phone)).isEmpty();
        mvc.perform(post("/classes/" + course + "/apply").session(session).with(csrf())
                        .param("name", "김영희").param("phone", phone).param("group", "SENIOR_65").param("consent", "true"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("인증번호")));
        String code = outbox.lastCode(phone);
        // a wrong code keeps the form
        mvc.perform(post("/classes/" + course + "/apply/confirm").session(session).with(csrf())
                        .param("name", "김영희").param("phone", phone).param("group", "SENIOR_65").param("consent", "true").param("code", "000000".equals(code) ? "111111" : "000000"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("인증번호가 맞지 않습니다")));
        MvcResult r = mvc.perform(post("/classes/" + course + "/apply/confirm").session(session).with(csrf())
                        .param("name", "김영희").param("phone", phone).param("group", "SENIOR_65").param("consent", "true").param("code", code))
                .andExpect(status().is3xxRedirection()).andReturn();
        mvc.perform(get(r.getResponse().getRedirectedUrl()).session(session).flashAttrs(r.getFlashMap()))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("대기 1번")));
        // a double submit is refused plainly and keeps one registration
        mvc.perform(post("/classes/" + course + "/apply").session(session).with(csrf())
                        .param("name", "김영희").param("phone", phone).param("group", "SENIOR_65").param("consent", "true"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("이미 이 과정에 신청하셨습니다")));
        // the verified phone sees and can cancel the registration
        mvc.perform(get("/classes/my").session(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("김*희")));
        Long regId = jdbc.sql("select max(id) from education_registration where course_id = :c").param("c", course).query(Long.class).single();
        mvc.perform(post("/classes/my/registrations/" + regId + "/cancel").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // someone else's registration cannot be cancelled from this session
        Long other = jdbc.sql("select min(id) from education_registration where course_id = :c").param("c", course).query(Long.class).single();
        mvc.perform(post("/classes/my/registrations/" + other + "/cancel").session(session).with(csrf())).andExpect(status().isForbidden());
        // SMS bodies carry masked names only
        assertThat(outbox.to(phone)).noneMatch(m -> m.body().contains("김영희"));
    }

    @Test
    void staffPagesRenderForEducationStaffAndAreClosedToOthers() throws Exception {
        var edu = staff.create(Roles.EDUCATION);
        var press = staff.create(Roles.PRESS);
        long course = fixtures.create(fixtures.spec().title("태블릿 출석 과정").capacity(3));
        Outcome o = registrar.register(course, EducationFixtures.applicant("출석하는분"), Channel.ONLINE);
        long session = courses.sessions(course).get(0).id();
        for (String path : new String[] {"/staff/education", "/staff/education/courses/new", "/staff/education/courses/" + course,
                "/staff/education/courses/" + course + "/roll-call/" + session, "/staff/education/courses/" + course + "/sheet",
                "/staff/education/venues", "/staff/education/counselling", "/staff/education/quizzes", "/staff/education/surveys",
                "/staff/education/stats", "/staff/education/stats?year=2024"}) {
            mvc.perform(get(path).with(staff.as(edu))).andExpect(status().isOk());
        }
        mvc.perform(get("/staff/education/courses/" + course).with(staff.as(press))).andExpect(status().isForbidden());
        // tablet roll-call: one tap saves and returns the row (htmx) or redirects (plain form)
        mvc.perform(post("/staff/education/courses/" + course + "/roll-call/" + session).with(staff.as(edu)).with(csrf())
                        .header("HX-Request", "true").param("registrationId", String.valueOf(o.registrationId())).param("status", "LATE"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("aria-pressed=\"true\"")));
        assertThat(rollCall.sheet(course, "test").lines().get(0).mark(session)).isEqualTo(AttendanceStatus.LATE);
        // staff-assisted registration by phone, with a landline
        mvc.perform(post("/staff/education/courses/" + course + "/registrations").with(staff.as(edu)).with(csrf())
                        .param("name", "전화하신분").param("phone", "02-2627-" + (1000 + (int) (Math.random() * 8999))).param("group", "SENIOR_65")
                        .param("channel", "PHONE"))
                .andExpect(status().is3xxRedirection());
        assertThat(registrar.register(course, EducationFixtures.applicant("셋째분"), Channel.ONLINE).status().name()).isEqualTo("CONFIRMED");
        // the roster view was logged as personal-data access
        assertThat(jdbc.sql("select count(*) from platform_audit_log where category = 'ACCESS' and entity_type = 'EducationCourseRoster' and entity_id = :c")
                .param("c", String.valueOf(course)).query(Long.class).single()).isPositive();
        // dashboard tiles (rendered here directly: platform/dashboard.html puts th:each and th:replace on one element,
        // so /staff itself fails as soon as any module contributes a tile — reported to the lead)
        var views = tiles.orderedStream().filter(t -> t.order() >= 300 && t.order() < 400).map(t -> t.render().orElseThrow()).toList();
        assertThat(views).extracting(kr.sotong.platform.TileView::title).contains("정보화교육 수강 현황", "오늘의 정보화교육");
        assertThat(views).filteredOn(v -> v.title().equals("정보화교육 수강 현황")).singleElement()
                .satisfies(v -> assertThat(v.rows()).isNotEmpty().allMatch(row -> row.link().startsWith("/staff/education/courses/")));
        // XLSX export
        mvc.perform(get("/staff/education/stats.xlsx?year=2024").with(staff.as(edu))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("spreadsheetml")));
    }

    @Test
    void publicCounsellingKioskQuizAndVerifyPagesRender() throws Exception {
        long room = jdbc.sql("select id from education_room where code = 'gc-general'").query(Long.class).single();
        desk.createSlots(room, LocalDate.now().plusDays(40 + (int) (Math.random() * 300)), LocalTime.of(14, 0), LocalTime.of(15, 0), 30, "상담사");
        long quiz = quizzes.create("스마트 정보화 경진대회 시험", "금천구청 대강당", java.time.Instant.now().minusSeconds(60),
                java.time.Instant.now().plusSeconds(3600));
        for (String path : new String[] {"/classes/counselling", "/classes/kiosk", "/classes/certificates/verify",
                "/classes/certificates/verify?code=GC-2025-AAAA-BBBB", "/classes/certificates/verify?code=%3Cscript%3E",
                "/classes/quiz/" + quiz, "/classes/quiz/" + quiz + "/board", "/classes/quiz/" + quiz + "/board/rows", "/classes/my"}) {
            mvc.perform(get(path)).andExpect(status().isOk());
        }
        long slot = desk.open().get(0).id();
        mvc.perform(get("/classes/counselling/" + slot)).andExpect(status().isOk());
        mvc.perform(get("/classes/claim/not-a-real-token-xxxxxxxxxxxx")).andExpect(status().isNotFound());
        mvc.perform(get("/classes/999999999")).andExpect(status().isNotFound());
    }

    @Test
    void counsellingBookingAndQuizEntryProveThePhoneWithOneCode() throws Exception {
        long room = jdbc.sql("select id from education_room where code = 'gc-general'").query(Long.class).single();
        LocalDate day = LocalDate.now().plusDays(400 + (int) (Math.random() * 3000));
        desk.createSlots(room, day, LocalTime.of(10, 0), LocalTime.of(10, 30), 30, "상담사");
        long slot = desk.open().stream().filter(x -> x.startsAt().atZone(java.time.ZoneId.of("Asia/Seoul")).toLocalDate().equals(day))
                .findFirst().orElseThrow().id();
        String phone = EducationFixtures.phone();
        MockHttpSession session = new MockHttpSession();
        // first post: the code page, with the booking's topic carried along; nothing booked yet
        mvc.perform(post("/classes/counselling/" + slot).session(session).with(csrf()).param("name", "박순자").param("phone", phone)
                        .param("consent", "true").param("topic", "SMARTPHONE").param("detail", "사진 보내기"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("인증번호")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/classes/counselling/" + slot + "\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"SMARTPHONE\"")));
        assertThat(desk.slot(slot).status()).isEqualTo(CounsellingDesk.Status.OPEN);
        String code = outbox.lastCode(phone);
        // a wrong code: the code page again with the error, still nothing booked
        mvc.perform(post("/classes/counselling/" + slot).session(session).with(csrf()).param("name", "박순자").param("phone", phone)
                        .param("consent", "true").param("topic", "SMARTPHONE").param("code", "000000".equals(code) ? "111111" : "000000"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("인증번호가 맞지 않습니다")));
        assertThat(desk.slot(slot).status()).isEqualTo(CounsellingDesk.Status.OPEN);
        mvc.perform(post("/classes/counselling/" + slot).session(session).with(csrf()).param("name", "박순자").param("phone", phone)
                        .param("consent", "true").param("topic", "SMARTPHONE").param("detail", "사진 보내기").param("code", code))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("예약되었습니다")));
        assertThat(desk.slot(slot).status()).isEqualTo(CounsellingDesk.Status.BOOKED);
        // the same session enters the quiz without a second code
        long quiz = quizzes.create("코드 한 번 경진대회", "금천구청 대강당", java.time.Instant.now().minusSeconds(60),
                java.time.Instant.now().plusSeconds(3600));
        int codesBefore = outbox.to(phone).size();
        mvc.perform(post("/classes/quiz/" + quiz + "/enter").session(session).with(csrf()).param("name", "박순자").param("phone", phone)
                        .param("consent", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/classes/quiz/" + quiz + "/play"));
        assertThat(outbox.to(phone)).hasSize(codesBefore);
        assertThat(quizzes.participants(quiz)).hasSize(1);
        // a new browser is asked for a code first, with the quiz's own button
        mvc.perform(post("/classes/quiz/" + quiz + "/enter").session(new MockHttpSession()).with(csrf()).param("name", "박순자")
                        .param("phone", phone).param("consent", "true"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("/classes/quiz/" + quiz + "/enter")));
    }
}
