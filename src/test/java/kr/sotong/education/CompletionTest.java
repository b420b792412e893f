package kr.sotong.education;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.sotong.education.attendance.AttendanceStatus;
import kr.sotong.education.attendance.Certificates;
import kr.sotong.education.attendance.Completion;
import kr.sotong.education.attendance.CompletionRule;
import kr.sotong.education.attendance.RollCall;
import kr.sotong.education.catalogue.Courses;
import kr.sotong.education.catalogue.Session;
import kr.sotong.education.registration.Applicant;
import kr.sotong.education.registration.Channel;
import kr.sotong.education.registration.Outcome;
import kr.sotong.education.registration.Registrar;
import kr.sotong.education.registration.Registrations;
import kr.sotong.education.survey.Surveys;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.Outbox;
import kr.sotong.testsupport.SotongTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Roll-call, the completion rule, certificates with verification codes, and the survey that follows. */
@SotongTest
class CompletionTest {

    static final LocalDateTime T0 = LocalDateTime.of(2031, 9, 1, 9, 0);

    @Autowired
    Registrar registrar;
    @Autowired
    Registrations registrations;
    @Autowired
    Courses courses;
    @Autowired
    RollCall rollCall;
    @Autowired
    Completion completion;
    @Autowired
    Certificates certificates;
    @Autowired
    Surveys surveys;
    @Autowired
    EducationFixtures fixtures;
    @Autowired
    MutableClock clock;
    @Autowired
    Outbox outbox;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TraineeStatistics statistics;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void completionRuleCountsAttendedSessionsInWholeNumbers() {
        CompletionRule rule = new CompletionRule(80);
        assertThat(rule.completed(4, 5)).isTrue();
        assertThat(rule.completed(3, 5)).isFalse();
        assertThat(rule.completed(8, 10)).isTrue();
        assertThat(rule.completed(7, 10)).isFalse();
        assertThat(rule.completed(3, 3)).isTrue();
        assertThat(rule.completed(2, 3)).isFalse();
        assertThat(rule.required(5)).isEqualTo(4);
        assertThat(rule.required(3)).isEqualTo(3);
        assertThat(new CompletionRule(100).completed(4, 5)).isFalse();
        assertThat(rule.completed(0, 0)).isFalse();
    }

    @Test
    void finishingACourseJudgesCompletionIssuesVerifiableCertificatesAndSendsTheSurvey() throws Exception {
        clock.setTo(T0);
        long course = fixtures.create(fixtures.spec().title("키오스크 따라하기").capacity(3).firstSession(T0.plusDays(7).withHour(10), 5));
        Applicant good = EducationFixtures.applicant("성실한분");
        Applicant poor = EducationFixtures.applicant("바쁘신분");
        Outcome a = registrar.register(course, good, Channel.ONLINE);
        Outcome b = registrar.register(course, poor, Channel.ONLINE);
        List<Session> sessions = courses.sessions(course);
        // good: 3 present + 1 late + 1 absent = 4 of 5 (80 %); poor: 3 present + 1 excused + 1 absent = 3 of 5
        AttendanceStatus[] goodMarks = {AttendanceStatus.PRESENT, AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.ABSENT,
                AttendanceStatus.PRESENT};
        AttendanceStatus[] poorMarks = {AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED, AttendanceStatus.PRESENT, AttendanceStatus.ABSENT,
                AttendanceStatus.PRESENT};
        for (int i = 0; i < 5; i++) {
            rollCall.mark(course, sessions.get(i).id(), a.registrationId(), goodMarks[i]);
            rollCall.mark(course, sessions.get(i).id(), b.registrationId(), poorMarks[i]);
        }
        assertThatThrownBy(() -> completion.finish(course)).hasMessageContaining("마지막 회차가 끝난 뒤");
        clock.setTo(sessions.get(4).endsAt().plusSeconds(60));
        Completion.Result result = completion.finish(course);
        assertThat(result.trainees()).isEqualTo(2);
        assertThat(result.completed()).isEqualTo(1);
        assertThat(registrations.require(a.registrationId()).completed()).isTrue();
        assertThat(registrations.require(b.registrationId()).completed()).isFalse();
        assertThat(certificates.byRegistration(b.registrationId())).isEmpty();
        // attendance is frozen after judging
        assertThatThrownBy(() -> rollCall.mark(course, sessions.get(0).id(), b.registrationId(), AttendanceStatus.PRESENT))
                .hasMessageContaining("수료 판정을 마친");

        var cert = certificates.byRegistration(a.registrationId()).orElseThrow();
        assertThat(cert.code()).matches("GC-2031-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
        // the SMS carries the code; the public page verifies it with a masked name
        assertThat(outbox.to(good.phone().digits())).anyMatch(m -> m.body().contains(cert.code()));
        mvc.perform(get("/classes/certificates/verify").param("code", " " + cert.code().toLowerCase() + " "))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("발급한 수료증이 맞습니다")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("성**분")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("성실한분"))));
        mvc.perform(get("/classes/certificates/verify").param("code", "GC-2031-AAAA-AAAA"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("그런 확인번호의 수료증은 없습니다")));

        // the PDF has the full name, the course and the code, in a Korean font
        byte[] pdf = certificates.pdf(a.registrationId(), "test");
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text.replace(" ", "")).contains("수료증");
            assertThat(text).contains("성실한분").contains("키오스크 따라하기").contains(cert.code()).contains("4회 / 5회");
        }
        // the completion counts in that year's trainee statistics (district office, smartphone)
        TraineeTable year = statistics.trainees(2031);
        assertThat(year.columnTotal("DISTRICT_OFFICE")).isGreaterThanOrEqualTo(1);
        assertThat(year.sites()).anyMatch(site -> site.venueName().equals("금천구청") && site.trainees() >= 1);
        // revoked certificates no longer verify
        certificates.revoke(a.registrationId(), "발급 착오 시험");
        assertThat(certificates.verify(cert.code()).orElseThrow().valid()).isFalse();
        assertThatThrownBy(() -> certificates.pdf(a.registrationId(), "test")).hasMessageContaining("취소된 수료증");

        // both trainees got a survey link; answering twice is refused; results are per course and instructor
        for (Applicant who : List.of(good, poor)) {
            String token = surveyToken(who);
            surveys.submit(token, new Surveys.Answers(5, who == good ? 5 : 4, 4, 3, true, who == good ? "쉽게 가르쳐 주셔서 고맙습니다" : null));
            assertThatThrownBy(() -> surveys.submit(token, new Surveys.Answers(1, 1, 1, 1, false, null))).hasMessageContaining("이미 응답");
        }
        assertThatThrownBy(() -> surveys.submit(surveyToken(good), new Surveys.Answers(9, 1, 1, 1, true, null)))
                .hasMessageContaining("이미 응답");
        var summary = surveys.byCourse().stream().filter(s -> s.courseId() == course).findFirst().orElseThrow();
        assertThat(summary.responses()).isEqualTo(2);
        assertThat(summary.invited()).isEqualTo(2);
        assertThat(summary.overall()).isEqualByComparingTo("5.0");
        assertThat(summary.instructorScore()).isEqualByComparingTo("4.5");
        assertThat(summary.recommendPercent()).isEqualTo(100);
        assertThat(surveys.byInstructor()).anyMatch(i -> i.instructor().equals("김강사") && i.responses() >= 2);
        assertThat(surveys.comments(course)).containsExactly("쉽게 가르쳐 주셔서 고맙습니다");
    }

    @Test
    void badSurveyAnswersAreRefusedAndNothingIsStored() {
        clock.setTo(T0.plusDays(60));
        long course = fixtures.create(fixtures.spec().capacity(2).firstSession(T0.plusDays(67).withHour(14), 1));
        Applicant who = EducationFixtures.applicant("조사대상");
        Outcome o = registrar.register(course, who, Channel.ONLINE);
        rollCall.mark(course, courses.sessions(course).get(0).id(), o.registrationId(), AttendanceStatus.PRESENT);
        clock.setTo(T0.plusDays(68));
        completion.finish(course);
        String token = surveyToken(who);
        assertThatThrownBy(() -> surveys.submit(token, new Surveys.Answers(6, 5, 5, 5, true, null))).hasMessageContaining("1~5");
        assertThatThrownBy(() -> surveys.submit(token, new Surveys.Answers(5, 5, 5, 5, null, null))).hasMessageContaining("권하실지");
        assertThat(jdbc.sql("select count(*) from education_survey_response where course_id = :c").param("c", course)
                .query(Long.class).single()).isZero();
        surveys.submit(token, new Surveys.Answers(5, 5, 5, 5, false, "  "));
        assertThat(surveys.comments(course)).isEmpty();
    }

    private String surveyToken(Applicant who) {
        var msgs = outbox.to(who.phone().digits()).stream().filter(m -> m.purpose().equals("education.survey")).toList();
        assertThat(msgs).isNotEmpty();
        Matcher m = Pattern.compile("/classes/survey/([A-Za-z0-9_-]+)").matcher(msgs.get(msgs.size() - 1).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
