package kr.sotong.education.registration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import kr.sotong.education.catalogue.EducationProperties;
import kr.sotong.education.catalogue.Venues;
import kr.sotong.platform.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Day-before reminders: from the configured time of day, everyone confirmed for a session tomorrow gets one. */
@Service
public class Reminders {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final JdbcClient jdbc;
    private final Residents residents;
    private final Notices notices;
    private final Venues venues;
    private final AuditLog audit;
    private final EducationProperties properties;
    private final Clock clock;

    Reminders(JdbcClient jdbc, Residents residents, Notices notices, Venues venues, AuditLog audit,
              EducationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.notices = notices;
        this.venues = venues;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    private record Due(long registrationId, long residentId, long sessionId, int sessionNo, java.time.Instant startsAt,
                       String title, long roomId) {
    }

    /** Queues the reminders due now (idempotent: each registration and session is reminded once). */
    @Transactional
    public int sendDue() {
        ZonedDateTime now = clock.instant().atZone(SEOUL);
        if (now.toLocalTime().isBefore(properties.reminderTime())) {
            return 0;
        }
        LocalDate tomorrow = now.toLocalDate().plusDays(1);
        var due = jdbc.sql("""
                        select r.id, r.resident_id, s.id, s.session_no, s.starts_at, c.title, c.room_id
                          from education_session s
                          join education_course c on c.id = s.course_id and c.status = 'PUBLISHED'
                          join education_registration r on r.course_id = c.id and r.status = 'CONFIRMED'
                         where s.starts_at >= :from and s.starts_at < :to
                           and not exists (select 1 from education_reminder m where m.registration_id = r.id and m.session_id = s.id)
                         order by s.starts_at, r.id""")
                .param("from", Timestamp.from(tomorrow.atStartOfDay(SEOUL).toInstant()))
                .param("to", Timestamp.from(tomorrow.plusDays(1).atStartOfDay(SEOUL).toInstant()))
                .query((rs, i) -> new Due(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getLong(7)))
                .list();
        for (Due d : due) {
            jdbc.sql("insert into education_reminder (registration_id, session_id, queued_at) values (:r, :s, :now) on conflict do nothing")
                    .param("r", d.registrationId()).param("s", d.sessionId()).param("now", Timestamp.from(clock.instant())).update();
            residents.contact(d.residentId()).ifPresent(c -> notices.reminder(c, d.registrationId(), d.sessionId(), d.title(),
                    d.sessionNo(), d.startsAt(), venues.place(d.roomId())));
        }
        if (!due.isEmpty()) {
            audit.recordAs("scheduler", "education.reminders", "EducationSession", tomorrow.toString(), "내일 수업 알림 " + due.size() + "건");
        }
        return due.size();
    }
}
