package kr.sotong.education.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.sotong.education.catalogue.Course;
import kr.sotong.education.catalogue.Courses;
import kr.sotong.education.registration.Registration;
import kr.sotong.education.registration.Registrations;
import kr.sotong.education.registration.Tokens;
import kr.sotong.platform.AuditLog;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 만족도 조사 after each course, answered once through the link sent to each trainee; results per course and instructor. */
@Service("educationSurveys")
public class Surveys {

    private final JdbcClient jdbc;
    private final Tokens tokens;
    private final Registrations registrations;
    private final Courses courses;
    private final AuditLog audit;
    private final Clock clock;

    Surveys(JdbcClient jdbc, Tokens tokens, Registrations registrations, Courses courses, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.registrations = registrations;
        this.courses = courses;
        this.audit = audit;
        this.clock = clock;
    }

    /** Scores 1 (매우 불만족) … 5 (매우 만족). */
    public record Answers(Integer overall, Integer instructor, Integer content, Integer venue, Boolean recommend, String comment) {
    }

    public record Invitation(long registrationId, Course course, boolean answered, boolean expired) {
    }

    @Transactional(readOnly = true)
    public Optional<Invitation> invitation(String token) {
        return tokens.find(token, Tokens.Purpose.SURVEY).map(t -> {
            Registration r = registrations.require(t.registrationId());
            return new Invitation(r.id(), courses.require(r.courseId()), t.usedAt() != null, !clock.instant().isBefore(t.expiresAt()));
        });
    }

    @Transactional
    public void submit(String token, Answers a) {
        Instant now = clock.instant();
        Tokens.Token t = tokens.find(token, Tokens.Purpose.SURVEY)
                .orElseThrow(() -> DomainException.notFound("만족도 조사 링크", "(확인할 수 없음)"));
        if (t.usedAt() != null) {
            throw DomainException.conflict("edu.survey.answered", "이미 응답하셨습니다. 참여해 주셔서 고맙습니다.");
        }
        if (!now.isBefore(t.expiresAt())) {
            throw DomainException.conflict("edu.survey.expired", "응답 기간이 지났습니다.");
        }
        for (Integer score : new Integer[] {a.overall(), a.instructor(), a.content(), a.venue()}) {
            if (score == null || score < 1 || score > 5) {
                throw new DomainException("edu.survey.score", "모든 질문에 1~5 중 하나를 골라 주세요.");
            }
        }
        if (a.recommend() == null) {
            throw new DomainException("edu.survey.recommend", "다른 분께 권하실지 골라 주세요.");
        }
        String comment = a.comment() == null || a.comment().isBlank() ? null : a.comment().strip();
        if (comment != null && comment.length() > 1000) {
            throw new DomainException("edu.survey.comment", "남기실 말씀은 1,000자 이내로 써 주세요.");
        }
        Registration r = registrations.require(t.registrationId());
        Course c = courses.require(r.courseId());
        jdbc.sql("""
                        insert into education_survey_response (course_id, registration_id, instructor, overall, instructor_score,
                            content_score, venue_score, recommend, comment, submitted_at)
                        values (:c, :r, :i, :o, :is, :cs, :vs, :rec, :comment, :now)""")
                .param("c", c.id()).param("r", r.id()).param("i", c.instructor()).param("o", a.overall())
                .param("is", a.instructor()).param("cs", a.content()).param("vs", a.venue()).param("rec", a.recommend())
                .param("comment", comment).param("now", Timestamp.from(now)).update();
        tokens.use(t.hash(), now);
        audit.recordAs("resident", "education.survey.answer", "EducationCourse", c.id(), "만족도 조사 응답 (신청 " + r.id() + ")");
    }

    /**
     * Averages per course (one decimal, half-up) and the share who would recommend (whole percent).
     */
    public record Summary(long courseId, String title, String instructor, int responses, int invited, BigDecimal overall,
                          BigDecimal instructorScore, BigDecimal content, BigDecimal venue, int recommendPercent) {
    }

    @Transactional(readOnly = true)
    public List<Summary> byCourse() {
        return jdbc.sql("""
                        select c.id, c.title, c.instructor, count(s.id) n,
                               (select count(*) from education_token t join education_registration r on r.id = t.registration_id
                                 where r.course_id = c.id and t.purpose = 'SURVEY') invited,
                               avg(s.overall) o, avg(s.instructor_score) i, avg(s.content_score) ct, avg(s.venue_score) v,
                               avg(case when s.recommend then 100.0 else 0 end) rec
                          from education_course c join education_survey_response s on s.course_id = c.id
                         group by c.id, c.title, c.instructor order by c.id desc""")
                .query((rs, i) -> new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        round(rs.getBigDecimal(6)), round(rs.getBigDecimal(7)), round(rs.getBigDecimal(8)), round(rs.getBigDecimal(9)),
                        rs.getBigDecimal(10).setScale(0, RoundingMode.HALF_UP).intValue()))
                .list();
    }

    /** Results of one instructor over all their courses. */
    public record InstructorSummary(String instructor, int responses, int courses, BigDecimal overall,
                                    BigDecimal instructorScore, BigDecimal content, BigDecimal venue, int recommendPercent) {
    }

    @Transactional(readOnly = true)
    public List<InstructorSummary> byInstructor() {
        return jdbc.sql("""
                        select coalesce(s.instructor, '(강사 미지정)') k, count(*) n, count(distinct s.course_id) courses,
                               avg(s.overall) o, avg(s.instructor_score) i, avg(s.content_score) ct, avg(s.venue_score) v,
                               avg(case when s.recommend then 100.0 else 0 end) rec
                          from education_survey_response s group by 1 order by 1""")
                .query((rs, i) -> new InstructorSummary(rs.getString(1), rs.getInt(2), rs.getInt(3),
                        round(rs.getBigDecimal(4)), round(rs.getBigDecimal(5)), round(rs.getBigDecimal(6)), round(rs.getBigDecimal(7)),
                        rs.getBigDecimal(8).setScale(0, RoundingMode.HALF_UP).intValue()))
                .list();
    }

    @Transactional(readOnly = true)
    public List<String> comments(long courseId) {
        return jdbc.sql("select comment from education_survey_response where course_id = :c and comment is not null order by submitted_at")
                .param("c", courseId).query(String.class).list();
    }

    static BigDecimal round(BigDecimal v) {
        return v == null ? null : v.setScale(1, RoundingMode.HALF_UP);
    }
}
