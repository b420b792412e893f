package kr.sotong.education.catalogue;

import java.sql.Time;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import kr.sotong.platform.AuditLog;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The kiosk practice zones' weekly opening hours (키오스크 체험존 운영 시간). */
@Service
public class KioskHours {

    public record Hours(long id, long roomId, String place, int weekday, LocalTime opens, LocalTime closes, String note) {
        public String weekdayLabel() {
            return DayOfWeek.of(weekday).getDisplayName(TextStyle.FULL, Locale.KOREAN);
        }
    }

    private final JdbcClient jdbc;
    private final Venues venues;
    private final AuditLog audit;

    KioskHours(JdbcClient jdbc, Venues venues, AuditLog audit) {
        this.jdbc = jdbc;
        this.venues = venues;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Hours> all() {
        return jdbc.sql("""
                        select h.*, v.name || ' ' || r.name place from education_kiosk_hours h
                          join education_room r on r.id = h.room_id join education_venue v on v.id = r.venue_id
                         order by v.id, r.id, h.weekday, h.opens""")
                .query((rs, i) -> new Hours(rs.getLong("id"), rs.getLong("room_id"), rs.getString("place"), rs.getInt("weekday"),
                        rs.getTime("opens").toLocalTime(), rs.getTime("closes").toLocalTime(), rs.getString("note")))
                .list();
    }

    @Transactional
    public long add(long roomId, int weekday, LocalTime opens, LocalTime closes, String note) {
        Room room = venues.room(roomId).orElseThrow(() -> DomainException.notFound("교육장", roomId));
        if (room.kind() != RoomKind.KIOSK_ZONE) {
            throw new DomainException("edu.kiosk.room", "키오스크 체험존으로 등록된 곳만 고를 수 있습니다.");
        }
        if (weekday < 1 || weekday > 7 || opens == null || closes == null || !closes.isAfter(opens)) {
            throw new DomainException("edu.kiosk.times", "요일과 여는·닫는 시각을 바르게 입력하세요.");
        }
        Long clash = jdbc.sql("select count(*) from education_kiosk_hours where room_id = :r and weekday = :w and opens < :c and :o < closes")
                .param("r", roomId).param("w", weekday).param("o", Time.valueOf(opens)).param("c", Time.valueOf(closes))
                .query(Long.class).single();
        if (clash > 0) {
            throw DomainException.conflict("edu.kiosk.overlap", "같은 요일에 겹치는 운영 시간이 있습니다.");
        }
        long id = jdbc.sql("insert into education_kiosk_hours (room_id, weekday, opens, closes, note) values (:r, :w, :o, :c, :n) returning id")
                .param("r", roomId).param("w", weekday).param("o", Time.valueOf(opens)).param("c", Time.valueOf(closes))
                .param("n", note == null || note.isBlank() ? null : note.strip()).query(Long.class).single();
        audit.record("education.kiosk.hours.add", "EducationRoom", roomId, "키오스크 체험존 운영 시간 추가: " + weekday + " " + opens + "~" + closes);
        return id;
    }

    @Transactional
    public void remove(long id) {
        int n = jdbc.sql("delete from education_kiosk_hours where id = :id").param("id", id).update();
        if (n == 0) {
            throw DomainException.notFound("운영 시간", id);
        }
        audit.record("education.kiosk.hours.remove", "EducationKioskHours", id, "키오스크 체험존 운영 시간 삭제");
    }
}
