package kr.sotong.education.counselling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.sotong.education.catalogue.Courses;
import kr.sotong.education.catalogue.Venues;
import kr.sotong.education.registration.Applicant;
import kr.sotong.education.registration.Channel;
import kr.sotong.education.registration.Notices;
import kr.sotong.education.registration.Residents;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.Masking;
import kr.sotong.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 디지털상담소: bookable 1:1 slots. Booking is one conditional update (OPEN → BOOKED), so a slot is never given
 * twice; a resident holds at most one upcoming booking. Staff record the topic's outcome (encrypted) or a no-show.
 */
@Service
public class CounsellingDesk {

    public enum Status { OPEN, BOOKED, DONE, NO_SHOW, CANCELLED }

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final JdbcClient jdbc;
    private final Residents residents;
    private final Venues venues;
    private final Notices notices;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final Clock clock;

    CounsellingDesk(JdbcClient jdbc, Residents residents, Venues venues, Notices notices, PersonalDataCipher cipher, AuditLog audit,
                    StaffDirectory staff, Clock clock) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.venues = venues;
        this.notices = notices;
        this.cipher = cipher;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
    }

    public record Slot(long id, long roomId, String place, Instant startsAt, Instant endsAt, String counsellor, Status status,
                       Long residentId, Topic topic, String topicDetail, String channel, Instant bookedAt, boolean hasOutcome) {
    }

    /** A slot as staff see it: the resident masked, with their no-show count. */
    public record StaffView(Slot slot, String maskedName, String maskedPhone, int noShows) {
    }

    @Transactional
    public int createSlots(long roomId, LocalDate date, LocalTime from, LocalTime to, int minutes, String counsellor) {
        venues.room(roomId).orElseThrow(() -> DomainException.notFound("교육장", roomId));
        if (date == null || from == null || to == null || !to.isAfter(from)) {
            throw new DomainException("edu.counselling.times", "날짜와 시작·끝 시각을 바르게 입력하세요.");
        }
        if (minutes < 10 || minutes > 180) {
            throw new DomainException("edu.counselling.length", "상담 한 번의 길이는 10~180분으로 정하세요.");
        }
        int n = 0;
        for (LocalTime t = from; !t.plusMinutes(minutes).isAfter(to) && t.isAfter(from.minusMinutes(1)); t = t.plusMinutes(minutes)) {
            Instant s = date.atTime(t).atZone(SEOUL).toInstant();
            n += jdbc.sql("""
                            insert into education_counselling_slot (room_id, starts_at, ends_at, counsellor)
                            values (:r, :s, :e, :c) on conflict (room_id, starts_at) do nothing""")
                    .param("r", roomId).param("s", Timestamp.from(s)).param("e", Timestamp.from(s.plusSeconds(minutes * 60L)))
                    .param("c", counsellor == null || counsellor.isBlank() ? null : counsellor.strip()).update();
        }
        audit.record("education.counselling.slots", "EducationRoom", roomId, "상담 시간 " + n + "개 열기: " + date + " " + from + "~" + to);
        return n;
    }

    /** Open slots from now on, for residents. */
    @Transactional(readOnly = true)
    public List<Slot> open() {
        return jdbc.sql(SELECT + " where s.status = 'OPEN' and s.starts_at > :now order by s.starts_at, s.room_id")
                .param("now", Timestamp.from(clock.instant())).query(this::map).list();
    }

    @Transactional(readOnly = true)
    public Slot slot(long id) {
        return jdbc.sql(SELECT + " where s.id = :id").param("id", id).query(this::map).optional()
                .orElseThrow(() -> DomainException.notFound("상담 시간", id));
    }

    @Transactional
    public Slot book(long slotId, Applicant who, Topic topic, String detail, Channel channel) {
        Instant now = clock.instant();
        if (topic == null) {
            throw new DomainException("edu.counselling.topic", "상담받고 싶은 내용을 고르세요.");
        }
        if (detail != null && detail.length() > 300) {
            throw new DomainException("edu.counselling.detail", "자세한 내용은 300자 이내로 써 주세요.");
        }
        long residentId = residents.upsert(who, now);
        Long upcoming = jdbc.sql("select count(*) from education_counselling_slot where resident_id = :r and status = 'BOOKED' and starts_at > :now")
                .param("r", residentId).param("now", Timestamp.from(now)).query(Long.class).single();
        if (upcoming > 0) {
            throw DomainException.conflict("edu.counselling.one", "이미 예약한 상담이 있습니다. 그 상담을 마치거나 취소한 뒤 다시 예약해 주세요.");
        }
        int updated = jdbc.sql("""
                        update education_counselling_slot set status = 'BOOKED', resident_id = :r, topic = :t, topic_detail = :d,
                               channel = :ch, booked_at = :now
                         where id = :id and status = 'OPEN' and starts_at > :now""")
                .param("r", residentId).param("t", topic.name())
                .param("d", detail == null || detail.isBlank() ? null : detail.strip()).param("ch", channel == Channel.API ? "PHONE" : channel.name())
                .param("now", Timestamp.from(now)).param("id", slotId).update();
        if (updated == 0) {
            throw DomainException.conflict("edu.counselling.taken", "방금 다른 분이 예약했거나 지난 시간입니다. 다른 시간을 골라 주세요.");
        }
        Slot s = slot(slotId);
        String actor = channel == Channel.ONLINE ? "resident:" + who.phone().masked() : staff.currentActor();
        notices.send(new Residents.Contact(residentId, who.name(), who.phone(), who.email()), "edu:counsel:" + slotId + ":" + now.toEpochMilli(),
                "education.counselling", "디지털상담소 예약", "디지털상담소 상담이 " + Notices.when(s.startsAt()) + ", " + s.place()
                        + "에 예약되었습니다. 취소: " + notices.url("/classes/my"));
        audit.recordAs(actor, "education.counselling.book", "EducationCounsellingSlot", slotId, "상담 예약: " + topic.label() + " ("
                + channel.label() + ")");
        return s;
    }

    @Transactional
    public void cancelBooking(long slotId, String actor) {
        Slot s = slot(slotId);
        if (s.status() != Status.BOOKED) {
            throw DomainException.conflict("edu.counselling.not-booked", "예약된 상담이 아닙니다.");
        }
        jdbc.sql("""
                        update education_counselling_slot set status = 'OPEN', resident_id = null, topic = null, topic_detail = null,
                               channel = null, booked_at = null where id = :id and status = 'BOOKED'""")
                .param("id", slotId).update();
        residents.contact(s.residentId()).ifPresent(c -> notices.send(c, "edu:counsel-cancel:" + slotId + ":" + clock.millis(),
                "education.counselling", "디지털상담소 예약 취소", Notices.when(s.startsAt()) + " 디지털상담소 예약이 취소되었습니다."));
        audit.recordAs(actor, "education.counselling.cancel", "EducationCounsellingSlot", slotId, "상담 예약 취소");
    }

    /** Records how the session went (encrypted notes) and closes it. */
    @Transactional
    public void recordOutcome(long slotId, String notes) {
        Slot s = slot(slotId);
        if (s.status() != Status.BOOKED && s.status() != Status.DONE) {
            throw DomainException.conflict("edu.counselling.outcome-status", "예약된 상담에만 결과를 적을 수 있습니다.");
        }
        if (notes == null || notes.isBlank()) {
            throw new DomainException("edu.counselling.notes", "상담 결과를 적어 주세요.");
        }
        if (notes.length() > 4000) {
            throw new DomainException("edu.counselling.notes-long", "상담 결과는 4,000자 이내로 적어 주세요.");
        }
        jdbc.sql("update education_counselling_slot set status = 'DONE', outcome_enc = :o, closed_at = :now, closed_by = :by where id = :id")
                .param("o", cipher.encrypt(notes.strip())).param("now", Timestamp.from(clock.instant()))
                .param("by", staff.currentActor()).param("id", slotId).update();
        audit.record("education.counselling.done", "EducationCounsellingSlot", slotId, "상담 결과 기록");
    }

    @Transactional
    public void markNoShow(long slotId) {
        Slot s = slot(slotId);
        if (s.status() != Status.BOOKED) {
            throw DomainException.conflict("edu.counselling.noshow-status", "예약된 상담만 불참으로 표시할 수 있습니다.");
        }
        if (clock.instant().isBefore(s.startsAt())) {
            throw DomainException.conflict("edu.counselling.noshow-early", "상담 시간이 되기 전에는 불참으로 표시할 수 없습니다.");
        }
        jdbc.sql("update education_counselling_slot set status = 'NO_SHOW', closed_at = :now, closed_by = :by where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("by", staff.currentActor()).param("id", slotId).update();
        audit.record("education.counselling.no-show", "EducationCounsellingSlot", slotId, "상담 불참");
    }

    @Transactional
    public void cancelSlot(long slotId) {
        int n = jdbc.sql("update education_counselling_slot set status = 'CANCELLED' where id = :id and status = 'OPEN'")
                .param("id", slotId).update();
        if (n == 0) {
            throw DomainException.conflict("edu.counselling.cancel-slot", "예약이 없는 열린 시간만 닫을 수 있습니다. 예약이 있으면 먼저 예약을 취소하세요.");
        }
        audit.record("education.counselling.close-slot", "EducationCounsellingSlot", slotId, "상담 시간 닫기");
    }

    /** Staff list for a day range; resident data masked; the view is logged. */
    @Transactional
    public List<StaffView> between(LocalDate from, LocalDate to) {
        List<Slot> slots = jdbc.sql(SELECT + " where s.starts_at >= :f and s.starts_at < :t order by s.starts_at, s.room_id")
                .param("f", Timestamp.from(from.atStartOfDay(SEOUL).toInstant()))
                .param("t", Timestamp.from(to.plusDays(1).atStartOfDay(SEOUL).toInstant())).query(this::map).list();
        Map<Long, Integer> noShows = new java.util.HashMap<>();
        jdbc.sql("select resident_id, count(*) from education_counselling_slot where status = 'NO_SHOW' group by resident_id")
                .query(rs -> {
                    noShows.put(rs.getLong(1), rs.getInt(2));
                });
        List<StaffView> out = slots.stream().map(s -> {
            if (s.residentId() == null) {
                return new StaffView(s, "", "", 0);
            }
            Residents.Contact c = residents.contact(s.residentId()).orElseThrow();
            return new StaffView(s, Masking.name(c.name()), c.phone().masked(), noShows.getOrDefault(s.residentId(), 0));
        }).toList();
        if (out.stream().anyMatch(v -> v.slot().residentId() != null)) {
            audit.recordAccess("EducationCounsellingSlot", from + "~" + to, "디지털상담소 예약 목록 조회 (마스킹)");
        }
        return out;
    }

    /** The outcome notes of one session (decrypted): logged access. */
    @Transactional
    public Optional<String> outcome(long slotId) {
        String enc = jdbc.sql("select outcome_enc from education_counselling_slot where id = :id").param("id", slotId)
                .query(String.class).optional().orElse(null);
        if (enc == null) {
            return Optional.empty();
        }
        audit.recordAccess("EducationCounsellingSlot", slotId, "상담 결과 열람");
        return Optional.of(cipher.decrypt(enc));
    }

    /** A resident's own bookings (by verified phone). */
    @Transactional(readOnly = true)
    public List<Slot> mine(PhoneNumber phone) {
        List<Long> ids = residents.idsByPhone(phone);
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where s.resident_id in (:r) order by s.starts_at desc").param("r", ids).query(this::map).list();
    }

    private static final String SELECT = """
            select s.*, v.name || ' ' || r.name place from education_counselling_slot s
              join education_room r on r.id = s.room_id join education_venue v on v.id = r.venue_id""";

    private Slot map(ResultSet rs, int i) throws SQLException {
        return new Slot(rs.getLong("id"), rs.getLong("room_id"), rs.getString("place"), Courses.instant(rs, "starts_at"),
                Courses.instant(rs, "ends_at"), rs.getString("counsellor"), Status.valueOf(rs.getString("status")),
                (Long) rs.getObject("resident_id"), rs.getString("topic") == null ? null : Topic.valueOf(rs.getString("topic")),
                rs.getString("topic_detail"), rs.getString("channel"), Courses.instant(rs, "booked_at"),
                rs.getString("outcome_enc") != null);
    }
}
