package kr.sotong.education.attendance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import kr.sotong.education.catalogue.Course;
import kr.sotong.education.catalogue.CourseStatus;
import kr.sotong.education.catalogue.Courses;
import kr.sotong.education.catalogue.Session;
import kr.sotong.education.registration.Notices;
import kr.sotong.education.registration.Registration;
import kr.sotong.education.registration.RegistrationStatus;
import kr.sotong.education.registration.Registrations;
import kr.sotong.education.registration.Residents;
import kr.sotong.education.registration.Tokens;
import kr.sotong.platform.AuditLog;
import kr.sotong.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 수료 판정: after the last session, each confirmed trainee is judged by the course's completion rule, completers get
 * a certificate, everyone who took part gets the satisfaction survey link, and the course is closed.
 */
@Service
public class Completion {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy. M. d.").withZone(SEOUL);

    private final Courses courses;
    private final Registrations registrations;
    private final Residents residents;
    private final RollCall rollCall;
    private final Certificates certificates;
    private final Tokens tokens;
    private final Notices notices;
    private final AuditLog audit;
    private final Clock clock;

    Completion(Courses courses, Registrations registrations, Residents residents, RollCall rollCall, Certificates certificates,
               Tokens tokens, Notices notices, AuditLog audit, Clock clock) {
        this.courses = courses;
        this.registrations = registrations;
        this.residents = residents;
        this.rollCall = rollCall;
        this.certificates = certificates;
        this.tokens = tokens;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    public record Result(int trainees, int completed, int surveysSent) {
    }

    @Transactional
    public Result finish(long courseId) {
        Instant now = clock.instant();
        Course c = courses.lock(courseId);
        if (c.status() != CourseStatus.PUBLISHED) {
            throw DomainException.conflict("edu.finish.status", "공개 중인 과정만 수료 판정을 할 수 있습니다.");
        }
        List<Session> sessions = courses.sessions(courseId);
        if (sessions.isEmpty() || now.isBefore(sessions.get(sessions.size() - 1).endsAt())) {
            throw DomainException.conflict("edu.finish.too-early", "마지막 회차가 끝난 뒤에 수료 판정을 할 수 있습니다.");
        }
        CompletionRule rule = new CompletionRule(c.completionPercent());
        Map<Long, Integer> attended = rollCall.attendedCounts(courseId);
        String period = DAY.format(sessions.get(0).startsAt()) + " ~ " + DAY.format(sessions.get(sessions.size() - 1).startsAt());
        int trainees = 0;
        int completed = 0;
        int surveys = 0;
        for (Registration r : registrations.ofCourse(courseId)) {
            if (r.status() == RegistrationStatus.CONFIRMED) {
                trainees++;
                int n = attended.getOrDefault(r.id(), 0);
                boolean done = rule.completed(n, sessions.size());
                registrations.save(r.withCompleted(done));
                Residents.Contact who = residents.contact(r.residentId()).orElseThrow();
                if (done) {
                    completed++;
                    var cert = certificates.issue(r.id(), who.name(), c.title(), n, sessions.size(), period);
                    notices.certificate(who, r.id(), c.title(), cert.code());
                }
                if (n > 0) {
                    String token = tokens.issue(Tokens.Purpose.SURVEY, r.id(), now, now.plus(Duration.ofDays(30)));
                    notices.survey(who, r.id(), c.title(), token);
                    surveys++;
                }
            } else if (r.status().active()) {
                registrations.save(r.cancel(now, "과정이 끝나 신청을 마감함"));
            }
        }
        courses.setStatus(courseId, CourseStatus.FINISHED, now);
        audit.record("education.course.finish", "EducationCourse", courseId, "수료 판정: 수강 " + trainees + "명 중 수료 " + completed
                + "명 (기준 " + c.completionPercent() + "%), 만족도 조사 " + surveys + "건 발송");
        return new Result(trainees, completed, surveys);
    }
}
