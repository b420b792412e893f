package kr.sotong.education.catalogue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff use cases of the catalogue: courses, sessions, rooms. Seats and registrations live in the registrar. */
@Service
public class Catalogue {

    private final Courses courses;
    private final Venues venues;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    Catalogue(Courses courses, Venues venues, AuditLog audit, StaffDirectory staff, PersonalDataCipher cipher, Clock clock) {
        this.courses = courses;
        this.venues = venues;
        this.audit = audit;
        this.staff = staff;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Transactional
    public long createCourse(CourseDraft draft) {
        validate(draft);
        String seed = draft.allocation() == Allocation.LOTTERY ? LotterySeed.generate() : null;
        long id = courses.insert(draft, seed == null ? null : LotterySeed.commitment(seed), seed == null ? null : cipher.encrypt(seed),
                clock.instant(), staff.currentActor());
        audit.record("education.course.create", "EducationCourse", id, "과정 등록: " + draft.title() + " (" + draft.allocation().label()
                + ", 정원 " + draft.capacity() + "석)");
        return id;
    }

    @Transactional
    public void updateCourse(long id, CourseDraft draft) {
        Course c = courses.lock(id);
        c.ensureDraft();
        validate(draft);
        String hash = c.lotterySeedHash();
        String enc = courses.sealedSeed(id);
        if (draft.allocation() == Allocation.LOTTERY && hash == null) {
            String seed = LotterySeed.generate();
            hash = LotterySeed.commitment(seed);
            enc = cipher.encrypt(seed);
        } else if (draft.allocation() == Allocation.FIRST_COME) {
            hash = null;
            enc = null;
        }
        courses.update(id, draft, hash, enc);
        audit.record("education.course.update", "EducationCourse", id, "과정 수정: " + draft.title());
    }

    @Transactional
    public long addSession(long courseId, LocalDate date, LocalTime start, LocalTime end, String topic, String instructor) {
        Course c = courses.lock(courseId);
        c.ensureDraft();
        if (date == null || start == null || end == null) {
            throw new DomainException("edu.session.required", "회차의 날짜, 시작 시각, 끝 시각을 모두 입력하세요.");
        }
        if (!end.isAfter(start)) {
            throw new DomainException("edu.session.times", "끝 시각은 시작 시각보다 늦어야 합니다.");
        }
        Instant s = date.atTime(start).atZone(Course.SEOUL).toInstant();
        Instant e = date.atTime(end).atZone(Course.SEOUL).toInstant();
        for (Session other : courses.sessions(courseId)) {
            if (other.overlaps(s, e)) {
                throw DomainException.conflict("edu.session.overlap", "같은 과정의 " + other.sessionNo() + "회차와 시간이 겹칩니다.",
                        other.sessionNo());
            }
        }
        List<String> clashes = courses.roomClashes(c.roomId(), courseId, s, e);
        if (!clashes.isEmpty()) {
            throw DomainException.conflict("edu.session.room-clash", "같은 교육장에 시간이 겹치는 수업이 있습니다: " + String.join(", ", clashes),
                    String.join(", ", clashes));
        }
        long id = courses.insertSession(courseId, s, e, trim(topic, 200), trim(instructor, 100));
        courses.renumber(courseId);
        audit.record("education.session.add", "EducationCourse", courseId, "회차 추가: " + date + " " + start + "~" + end);
        return id;
    }

    @Transactional
    public void deleteSession(long courseId, long sessionId) {
        courses.lock(courseId).ensureDraft();
        courses.deleteSession(courseId, sessionId);
        audit.record("education.session.delete", "EducationCourse", courseId, "회차 삭제: " + sessionId);
    }

    @Transactional
    public void publish(long courseId) {
        Course c = courses.lock(courseId);
        c.ensureDraft();
        List<Session> sessions = courses.sessions(courseId);
        if (sessions.isEmpty()) {
            throw new DomainException("edu.publish.no-sessions", "회차를 하나 이상 등록해야 공개할 수 있습니다.");
        }
        if (c.isLottery() && c.lotterySeedHash() == null) {
            throw new IllegalStateException("lottery course without commitment");
        }
        courses.setStatus(courseId, CourseStatus.PUBLISHED, null);
        audit.record("education.course.publish", "EducationCourse", courseId, "과정 공개: " + c.title()
                + (c.isLottery() ? " (추첨 씨앗값 해시 " + c.lotterySeedHash() + ")" : ""));
    }

    @Transactional
    public long addRoom(long venueId, String code, String name, RoomKind kind, Integer seats, String equipment) {
        venues.venue(venueId).orElseThrow(() -> DomainException.notFound("교육 장소", venueId));
        if (code == null || !code.matches("[a-z0-9-]{2,40}")) {
            throw new DomainException("edu.room.code", "교육장 코드는 영문 소문자, 숫자, 하이픈으로 2~40자입니다.");
        }
        requireText(name, "교육장 이름", 100);
        checkSeats(seats);
        long id = venues.insertRoom(venueId, code, name.strip(), kind, seats, null, trim(equipment, 300), null);
        audit.record("education.room.add", "EducationRoom", id, "교육장 추가: " + name);
        return id;
    }

    @Transactional
    public void updateRoom(long roomId, String name, Integer seats, String equipment, String note, boolean active) {
        Room r = venues.room(roomId).orElseThrow(() -> DomainException.notFound("교육장", roomId));
        requireText(name, "교육장 이름", 100);
        checkSeats(seats);
        venues.updateRoom(roomId, name.strip(), seats, trim(equipment, 300), note, active);
        audit.record("education.room.update", "EducationRoom", roomId, "교육장 수정: " + r.name() + " 좌석 " + r.seats() + " → " + seats);
    }

    @Transactional
    public void updateVenue(long venueId, String name, String address, String note) {
        venues.venue(venueId).orElseThrow(() -> DomainException.notFound("교육 장소", venueId));
        requireText(name, "장소 이름", 100);
        venues.updateVenue(venueId, name.strip(), trim(address, 200), note);
        audit.record("education.venue.update", "EducationVenue", venueId, "교육 장소 수정: " + name);
    }

    private static void checkSeats(Integer seats) {
        if (seats != null && (seats < 1 || seats > 2000)) {
            throw new DomainException("edu.room.seats", "좌석 수는 1~2000 사이로 입력하세요.");
        }
    }

    void validate(CourseDraft d) {
        requireText(d.title(), "과정 이름", 200);
        if (d.kind() == null || d.allocation() == null) {
            throw new DomainException("edu.course.kind", "과정 종류와 선정 방식을 고르세요.");
        }
        if (venues.categories().stream().noneMatch(c -> c.code().equals(d.categoryCode()))) {
            throw new DomainException("edu.course.category", "교육 분야를 고르세요.");
        }
        if (d.levelCode() != null && venues.levels().stream().noneMatch(l -> l.code().equals(d.levelCode()))) {
            throw new DomainException("edu.course.level", "교육 수준이 올바르지 않습니다.");
        }
        Room room = venues.room(d.roomId()).orElseThrow(() -> new DomainException("edu.course.room", "교육장을 고르세요."));
        if (!room.active()) {
            throw new DomainException("edu.course.room-inactive", "사용하지 않는 교육장입니다: " + room.name(), room.name());
        }
        if (d.capacity() < 1 || d.capacity() > 2000) {
            throw new DomainException("edu.course.capacity", "정원은 1~2000명 사이로 입력하세요.");
        }
        if (room.seats() != null && d.capacity() > room.seats() && d.kind() != CourseKind.FIELD_TRIP) {
            throw new DomainException("edu.course.capacity-room", "정원(" + d.capacity() + "명)이 " + room.name() + " 좌석 수("
                    + room.seats() + "석)보다 많습니다.", d.capacity(), room.name(), room.seats());
        }
        if (d.opensAt() == null || d.closesAt() == null || !d.closesAt().isAfter(d.opensAt())) {
            throw new DomainException("edu.course.window", "신청 마감은 신청 시작보다 늦어야 합니다.");
        }
        if (d.targetGroups().isEmpty()) {
            throw new DomainException("edu.course.groups", "교육 대상을 하나 이상 고르세요.");
        }
        int quotaSum = 0;
        for (Map.Entry<TargetGroup, Integer> q : d.quotas().entrySet()) {
            if (!d.targetGroups().contains(q.getKey())) {
                throw new DomainException("edu.course.quota-group", "우선 배정 인원은 교육 대상에 든 구분에만 줄 수 있습니다: "
                        + q.getKey().label(), q.getKey().label());
            }
            if (q.getValue() < 1) {
                throw new DomainException("edu.course.quota-value", "우선 배정 인원은 1명 이상이어야 합니다.");
            }
            quotaSum += q.getValue();
        }
        if (quotaSum > d.capacity()) {
            throw new DomainException("edu.course.quota-sum", "우선 배정 인원의 합(" + quotaSum + "명)이 정원(" + d.capacity()
                    + "명)보다 많습니다.", quotaSum, d.capacity());
        }
        if (d.claimHours() < 1 || d.claimHours() > 168) {
            throw new DomainException("edu.course.claim", "대기자 확정 기한은 1~168시간 사이로 입력하세요.");
        }
        if (d.completionPercent() < 1 || d.completionPercent() > 100) {
            throw new DomainException("edu.course.completion", "수료 기준 출석률은 1~100% 사이로 입력하세요.");
        }
        if (d.summary() != null && d.summary().length() > 4000) {
            throw new DomainException("edu.course.summary", "과정 소개는 4,000자 이내로 쓰세요.");
        }
        if (d.instructor() != null && d.instructor().length() > 100) {
            throw new DomainException("edu.course.instructor", "강사 이름은 100자 이내로 쓰세요.");
        }
    }

    static void requireText(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            throw new DomainException("edu.required", what + "을(를) 입력하세요.", what);
        }
        if (value.strip().length() > max) {
            throw new DomainException("edu.too-long", what + "은(는) " + max + "자 이내로 쓰세요.", what, max);
        }
    }

    static String trim(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new DomainException("edu.too-long.value", max + "자 이내로 쓰세요: " + v.substring(0, Math.min(20, v.length())) + "…", max);
        }
        return v;
    }
}
