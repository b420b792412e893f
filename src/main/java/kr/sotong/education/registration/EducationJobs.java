package kr.sotong.education.registration;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The education sweep, safe on several nodes (ShedLock): expires unclaimed offers and moves their seats on,
 * offers free seats to waitlists, draws lotteries whose window closed, and queues day-before reminders. Each
 * course is handled in its own transaction, so one failing course does not stop the others.
 */
@Component
public class EducationJobs {

    private static final Logger log = LoggerFactory.getLogger(EducationJobs.class);

    private final Registrar registrar;
    private final Registrations registrations;
    private final Reminders reminders;
    private final JdbcClient jdbc;
    private final Clock clock;

    EducationJobs(Registrar registrar, Registrations registrations, Reminders reminders, JdbcClient jdbc, Clock clock) {
        this.registrar = registrar;
        this.registrations = registrations;
        this.reminders = reminders;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Sweep(int expired, int refilled, int drawn, int reminders) {
    }

    @Scheduled(fixedDelayString = "${sotong.education.sweep-interval:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "education.sweep", lockAtMostFor = "PT10M")
    public void scheduledSweep() {
        Sweep s = sweep();
        if (s.expired() + s.drawn() + s.reminders() > 0) {
            log.info("정보화교육 정리: 기한 지난 제안 {}건, 추첨 {}건, 알림 {}건", s.expired(), s.drawn(), s.reminders());
        }
    }

    /** One pass of the sweep (also called by tests with a fixed clock). */
    public Sweep sweep() {
        int expired = 0;
        for (Long courseId : registrations.coursesWithExpiredOffers(clock.instant())) {
            try {
                expired += registrar.expireOffers(courseId);
            } catch (RuntimeException e) {
                log.warn("과정 {}의 기한 지난 제안을 처리하지 못했습니다: {}", courseId, e.toString());
            }
        }
        int drawn = 0;
        for (Long courseId : lotteriesDue()) {
            try {
                registrar.draw(courseId);
                drawn++;
            } catch (RuntimeException e) {
                log.warn("과정 {}을(를) 추첨하지 못했습니다: {}", courseId, e.toString());
            }
        }
        int refilled = 0;
        for (Long courseId : coursesWithFreeSeatsAndWaitlist()) {
            try {
                registrar.refill(courseId);
                refilled++;
            } catch (RuntimeException e) {
                log.warn("과정 {}의 빈자리를 채우지 못했습니다: {}", courseId, e.toString());
            }
        }
        return new Sweep(expired, refilled, drawn, reminders.sendDue());
    }

    private List<Long> lotteriesDue() {
        return jdbc.sql("""
                        select id from education_course where allocation = 'LOTTERY' and status = 'PUBLISHED' and drawn_at is null
                           and closes_at <= :now order by id""")
                .param("now", Timestamp.from(clock.instant())).query(Long.class).list();
    }

    private List<Long> coursesWithFreeSeatsAndWaitlist() {
        return jdbc.sql("""
                        select c.id from education_course c
                         where c.status = 'PUBLISHED' and (c.allocation = 'FIRST_COME' or c.drawn_at is not null)
                           and exists (select 1 from education_registration w where w.course_id = c.id and w.status = 'WAITLISTED')
                           and (select count(*) from education_registration s where s.course_id = c.id and s.seat_no is not null) < c.capacity
                           and not exists (select 1 from education_session f where f.course_id = c.id and f.starts_at <= :now)
                         order by c.id""")
                .param("now", Timestamp.from(clock.instant())).query(Long.class).list();
    }
}
