package kr.sotong.education.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.sotong.education.catalogue.Courses;
import kr.sotong.education.catalogue.TargetGroup;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Registrations {

    private static final String ACTIVE = "('APPLIED', 'CONFIRMED', 'OFFERED', 'WAITLISTED')";

    private final JdbcClient jdbc;

    Registrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A registration to insert, decided under the course lock. */
    public record New(long residentId, RegistrationStatus status, TargetGroup group, Channel channel, int arrivalNo, Integer queueNo,
                      Integer seatNo, Instant createdAt, String actor) {
    }

    /** Inserts many registrations of one course in one statement (call with the course locked); returned in the same order. */
    public List<Registration> insertAll(long courseId, List<New> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        int size = rows.size();
        Long[] resident = new Long[size];
        String[] status = new String[size];
        String[] group = new String[size];
        String[] channel = new String[size];
        Integer[] arrival = new Integer[size];
        Integer[] queue = new Integer[size];
        Integer[] seat = new Integer[size];
        Long[] created = new Long[size];
        String[] actor = new String[size];
        for (int i = 0; i < size; i++) {
            New n = rows.get(i);
            resident[i] = n.residentId();
            status[i] = n.status().name();
            group[i] = n.group().name();
            channel[i] = n.channel().name();
            arrival[i] = n.arrivalNo();
            queue[i] = n.queueNo();
            seat[i] = n.seatNo();
            created[i] = micros(n.createdAt());
            actor[i] = n.actor();
        }
        Map<Integer, Registration> byArrival = new HashMap<>();
        // arrays, not a VALUES list: the statement text is the same for any batch size, so it is parsed and planned once
        jdbc.sql("""
                        insert into education_registration (course_id, resident_id, status, target_group, channel, arrival_no,
                            queue_no, seat_no, created_at, created_by, confirmed_at)
                        select :c, r.resident, r.status, r.grp, r.channel, r.arrival, r.queue, r.seat,
                               timestamptz 'epoch' + r.created * interval '1 microsecond', r.actor,
                               case when r.status = 'CONFIRMED' then timestamptz 'epoch' + r.created * interval '1 microsecond' end
                          from unnest(:resident::bigint[], :status::text[], :grp::text[], :channel::text[], :arrival::int[],
                                      :queue::int[], :seat::int[], :created::bigint[], :actor::text[]) with ordinality
                               as r(resident, status, grp, channel, arrival, queue, seat, created, actor, ord)
                         order by r.ord
                        returning *""")
                .param("c", courseId).param("resident", resident).param("status", status).param("grp", group)
                .param("channel", channel).param("arrival", arrival).param("queue", queue).param("seat", seat)
                .param("created", created).param("actor", actor)
                .query(Registrations::map).list().forEach(r -> byArrival.put(r.arrivalNo(), r));
        return rows.stream().map(n -> byArrival.get(n.arrivalNo())).toList();
    }

    /** Microseconds since the epoch (PostgreSQL's timestamp resolution), for timestamps passed in arrays. */
    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    /** Writes the state fields of a registration. */
    public void save(Registration r) {
        jdbc.sql("""
                        update education_registration set status = :s, queue_no = :q, seat_no = :seat, lottery_key = :k,
                               offer_expires_at = :offer, confirmed_at = :conf, ended_at = :ended, end_reason = :reason,
                               completed = :done
                         where id = :id""")
                .param("s", r.status().name()).param("q", r.queueNo()).param("seat", r.seatNo()).param("k", r.lotteryKey())
                .param("offer", ts(r.offerExpiresAt())).param("conf", ts(r.confirmedAt())).param("ended", ts(r.endedAt()))
                .param("reason", r.endReason()).param("done", r.completed()).param("id", r.id()).update();
    }

    public Optional<Registration> find(long id) {
        return jdbc.sql("select * from education_registration where id = :id").param("id", id)
                .query(Registrations::map).optional();
    }

    public Registration require(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("수강 신청", id));
    }

    /** Active registrations of the course by resident, for the given residents. */
    public Map<Long, Registration> activeOf(long courseId, Collection<Long> residentIds) {
        Map<Long, Registration> m = new HashMap<>();
        if (!residentIds.isEmpty()) {
            jdbc.sql("select * from education_registration where course_id = :c and resident_id = any(:r::bigint[]) and status in "
                            + ACTIVE)
                    .param("c", courseId).param("r", residentIds.toArray(Long[]::new)).query(Registrations::map).list()
                    .forEach(r -> m.put(r.residentId(), r));
        }
        return m;
    }

    public List<Registration> ofCourse(long courseId) {
        return jdbc.sql("select * from education_registration where course_id = :c order by arrival_no").param("c", courseId)
                .query(Registrations::map).list();
    }

    public List<Registration> withStatus(long courseId, RegistrationStatus status) {
        return jdbc.sql("select * from education_registration where course_id = :c and status = :s order by coalesce(queue_no, arrival_no), arrival_no")
                .param("c", courseId).param("s", status.name()).query(Registrations::map).list();
    }

    /** Waitlist in order (queue number). */
    public List<Registration> waitlist(long courseId) {
        return withStatus(courseId, RegistrationStatus.WAITLISTED);
    }

    public List<Registration> ofResidents(List<Long> residentIds) {
        if (residentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from education_registration where resident_id in (:r) order by created_at desc")
                .param("r", residentIds).query(Registrations::map).list();
    }

    /** Seat numbers in use and who (which target group) holds them: one query for the seat decision. */
    public record Seats(List<Integer> numbers, Map<TargetGroup, Integer> byGroup) {
    }

    public Seats seats(long courseId) {
        List<Integer> numbers = new java.util.ArrayList<>();
        Map<TargetGroup, Integer> byGroup = new EnumMap<>(TargetGroup.class);
        jdbc.sql("select seat_no, target_group from education_registration where course_id = :c and seat_no is not null")
                .param("c", courseId).query(rs -> {
                    numbers.add(rs.getInt(1));
                    byGroup.merge(TargetGroup.valueOf(rs.getString(2)), 1, Integer::sum);
                });
        return new Seats(numbers, byGroup);
    }

    /** Seats held (CONFIRMED + OFFERED) per target group. */
    public Map<TargetGroup, Integer> seatsHeldByGroup(long courseId) {
        Map<TargetGroup, Integer> m = new EnumMap<>(TargetGroup.class);
        jdbc.sql("select target_group, count(*) from education_registration where course_id = :c and seat_no is not null group by target_group")
                .param("c", courseId).query(rs -> {
                    m.put(TargetGroup.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return m;
    }

    public List<Integer> seatNumbers(long courseId) {
        return jdbc.sql("select seat_no from education_registration where course_id = :c and seat_no is not null order by seat_no")
                .param("c", courseId).query(Integer.class).list();
    }

    /** 1-based place on the waitlist, or 0 when not waitlisted. */
    public int waitlistPosition(Registration r) {
        if (r.status() != RegistrationStatus.WAITLISTED) {
            return 0;
        }
        return jdbc.sql("select count(*) from education_registration where course_id = :c and status = 'WAITLISTED' and queue_no <= :q")
                .param("c", r.courseId()).param("q", r.queueNo()).query(Integer.class).single();
    }

    public boolean hasWaitlist(long courseId) {
        return jdbc.sql("select exists (select 1 from education_registration where course_id = :c and status = 'WAITLISTED')")
                .param("c", courseId).query(Boolean.class).single();
    }

    public int maxQueue(long courseId) {
        return jdbc.sql("select coalesce(max(queue_no), 0) from education_registration where course_id = :c")
                .param("c", courseId).query(Integer.class).single();
    }

    /** For each resident, another active registration whose sessions overlap this course's: its course and first time. */
    public Map<Long, String> overlappingMany(Collection<Long> residentIds, long courseId) {
        Map<Long, String> m = new HashMap<>();
        if (residentIds.isEmpty()) {
            return m;
        }
        jdbc.sql("""
                        select distinct on (r.resident_id) r.resident_id,
                               c.title || ' (' || to_char(s.starts_at at time zone 'Asia/Seoul', 'FMMM"월" FMDD"일" HH24:MI') || ')'
                          from education_registration r
                          join education_course c on c.id = r.course_id
                          join education_session s on s.course_id = c.id
                         where r.resident_id = any(:res::bigint[]) and r.course_id <> :course and r.status in """ + ACTIVE + """
                           and exists (select 1 from education_session n where n.course_id = :course
                                          and n.starts_at < s.ends_at and s.starts_at < n.ends_at)
                         order by r.resident_id, s.starts_at""")
                .param("res", residentIds.toArray(Long[]::new)).param("course", courseId).query(rs -> {
                    m.put(rs.getLong(1), rs.getString(2));
                });
        return m;
    }

    /** Counts per status for many courses: courseId → status → count. */
    public Map<Long, Map<RegistrationStatus, Integer>> countsByCourse() {
        Map<Long, Map<RegistrationStatus, Integer>> m = new HashMap<>();
        jdbc.sql("select course_id, status, count(*) from education_registration group by course_id, status").query(rs -> {
            m.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(RegistrationStatus.class))
                    .put(RegistrationStatus.valueOf(rs.getString(2)), rs.getInt(3));
        });
        return m;
    }

    /** Courses that have offers past their deadline. */
    public List<Long> coursesWithExpiredOffers(Instant now) {
        return jdbc.sql("select distinct course_id from education_registration where status = 'OFFERED' and offer_expires_at <= :now")
                .param("now", Timestamp.from(now)).query(Long.class).list();
    }

    public List<Registration> expiredOffers(long courseId, Instant now) {
        return jdbc.sql("select * from education_registration where course_id = :c and status = 'OFFERED' and offer_expires_at <= :now order by queue_no")
                .param("c", courseId).param("now", Timestamp.from(now)).query(Registrations::map).list();
    }

    /** Renumbers held seats 1..n in seat order (one statement: the seat constraint is checked at its end). */
    public void compactSeats(long courseId) {
        jdbc.sql("""
                        update education_registration r set seat_no = n.rn
                          from (select id, row_number() over (order by seat_no) rn from education_registration
                                 where course_id = :c and seat_no is not null) n
                         where r.id = n.id and r.seat_no <> n.rn""")
                .param("c", courseId).update();
    }

    public Set<Long> idsWithStatus(long courseId, Set<RegistrationStatus> statuses) {
        return Set.copyOf(jdbc.sql("select id from education_registration where course_id = :c and status in (:s)")
                .param("c", courseId).param("s", statuses.stream().map(Enum::name).toList()).query(Long.class).list());
    }

    static Registration map(ResultSet rs, int i) throws SQLException {
        return new Registration(rs.getLong("id"), rs.getLong("course_id"), rs.getLong("resident_id"),
                RegistrationStatus.valueOf(rs.getString("status")), TargetGroup.valueOf(rs.getString("target_group")),
                Channel.valueOf(rs.getString("channel")), rs.getInt("arrival_no"), (Integer) rs.getObject("queue_no"),
                (Integer) rs.getObject("seat_no"), rs.getString("lottery_key"), Courses.instant(rs, "offer_expires_at"),
                Courses.instant(rs, "created_at"), rs.getString("created_by"), Courses.instant(rs, "confirmed_at"),
                Courses.instant(rs, "ended_at"), rs.getString("end_reason"), (Boolean) rs.getObject("completed"));
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
