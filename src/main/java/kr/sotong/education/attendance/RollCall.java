package kr.sotong.education.attendance;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.sotong.education.catalogue.Course;
import kr.sotong.education.catalogue.Courses;
import kr.sotong.education.catalogue.Session;
import kr.sotong.education.registration.Registration;
import kr.sotong.education.registration.RegistrationStatus;
import kr.sotong.education.registration.Registrations;
import kr.sotong.education.registration.Rosters;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 출석부: attendance per session for the confirmed trainees of a course (tablet page and printable sheet). */
@Service
public class RollCall {

    private final JdbcClient jdbc;
    private final Courses courses;
    private final Registrations registrations;
    private final Rosters rosters;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final Clock clock;

    RollCall(JdbcClient jdbc, Courses courses, Registrations registrations, Rosters rosters, AuditLog audit,
             StaffDirectory staff, Clock clock) {
        this.jdbc = jdbc;
        this.courses = courses;
        this.registrations = registrations;
        this.rosters = rosters;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
    }

    /** One trainee's line on the sheet: status per session id (absent from the map = not yet marked). */
    public record Line(Rosters.Entry trainee, Map<Long, AttendanceStatus> marks, int attended) {
        public AttendanceStatus mark(long sessionId) {
            return marks.get(sessionId);
        }
    }

    public record Sheet(Course course, List<Session> sessions, List<Line> lines, CompletionRule rule) {
    }

    /** The whole course's sheet (masked names); the view is logged as personal-data access. */
    @Transactional
    public Sheet sheet(long courseId, String purpose) {
        Course c = courses.require(courseId);
        List<Session> sessions = courses.sessions(courseId);
        List<Rosters.Entry> trainees = rosters.confirmed(courseId, purpose);
        Map<Long, Map<Long, AttendanceStatus>> marks = new HashMap<>();
        jdbc.sql("""
                        select a.registration_id, a.session_id, a.status from education_attendance a
                          join education_session s on s.id = a.session_id where s.course_id = :c""")
                .param("c", courseId).query(rs -> {
                    marks.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(rs.getLong(2), AttendanceStatus.valueOf(rs.getString(3)));
                });
        List<Line> lines = trainees.stream().map(t -> {
            Map<Long, AttendanceStatus> m = marks.getOrDefault(t.registrationId(), Map.of());
            int attended = (int) m.values().stream().filter(AttendanceStatus::attended).count();
            return new Line(t, m, attended);
        }).toList();
        return new Sheet(c, sessions, lines, new CompletionRule(c.completionPercent()));
    }

    /** Marks one trainee for one session (idempotent: marking again overwrites). */
    @Transactional
    public void mark(long courseId, long sessionId, long registrationId, AttendanceStatus status) {
        Session s = courses.session(sessionId).filter(x -> x.courseId() == courseId)
                .orElseThrow(() -> DomainException.notFound("회차", sessionId));
        Registration r = registrations.require(registrationId);
        if (r.courseId() != courseId || r.status() != RegistrationStatus.CONFIRMED) {
            throw DomainException.conflict("edu.attendance.not-confirmed", "이 과정의 수강 확정자만 출석을 기록할 수 있습니다.");
        }
        if (courses.require(courseId).finishedAt() != null) {
            throw DomainException.conflict("edu.attendance.finished", "수료 판정을 마친 과정의 출석은 고칠 수 없습니다.");
        }
        jdbc.sql("""
                        insert into education_attendance (session_id, registration_id, status, marked_at, marked_by)
                        values (:s, :r, :st, :now, :by)
                        on conflict (session_id, registration_id) do update
                           set status = excluded.status, marked_at = excluded.marked_at, marked_by = excluded.marked_by""")
                .param("s", sessionId).param("r", registrationId).param("st", status.name())
                .param("now", Timestamp.from(clock.instant())).param("by", staff.currentActor()).update();
        audit.record("education.attendance.mark", "EducationRegistration", registrationId, s.sessionNo() + "회차 " + status.label());
    }

    /** Marks everyone not yet marked in a session as present (the usual start of a roll call). */
    @Transactional
    public int markRemainingPresent(long courseId, long sessionId) {
        Session s = courses.session(sessionId).filter(x -> x.courseId() == courseId)
                .orElseThrow(() -> DomainException.notFound("회차", sessionId));
        if (courses.require(courseId).finishedAt() != null) {
            throw DomainException.conflict("edu.attendance.finished", "수료 판정을 마친 과정의 출석은 고칠 수 없습니다.");
        }
        int n = jdbc.sql("""
                        insert into education_attendance (session_id, registration_id, status, marked_at, marked_by)
                        select :s, r.id, 'PRESENT', :now, :by from education_registration r
                         where r.course_id = :c and r.status = 'CONFIRMED'
                        on conflict (session_id, registration_id) do nothing""")
                .param("s", sessionId).param("c", courseId).param("now", Timestamp.from(clock.instant()))
                .param("by", staff.currentActor()).update();
        audit.record("education.attendance.mark-all", "EducationCourse", courseId, s.sessionNo() + "회차 나머지 " + n + "명 출석");
        return n;
    }

    /** Attended sessions (출석·지각) per registration of a course. */
    Map<Long, Integer> attendedCounts(long courseId) {
        Map<Long, Integer> m = new HashMap<>();
        jdbc.sql("""
                        select a.registration_id, count(*) from education_attendance a join education_session s on s.id = a.session_id
                         where s.course_id = :c and a.status in ('PRESENT', 'LATE') group by a.registration_id""")
                .param("c", courseId).query(rs -> {
                    m.put(rs.getLong(1), rs.getInt(2));
                });
        return m;
    }
}
