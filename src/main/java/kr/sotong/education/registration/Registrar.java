package kr.sotong.education.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.sotong.education.catalogue.Course;
import kr.sotong.education.catalogue.CourseStatus;
import kr.sotong.education.catalogue.Courses;
import kr.sotong.education.catalogue.LotterySeed;
import kr.sotong.education.catalogue.Room;
import kr.sotong.education.catalogue.Session;
import kr.sotong.education.catalogue.Venues;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.Notification;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.Masking;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration use cases. Every change to a course's seats runs with the course row locked
 * ({@link Courses#lock}), so seat decisions are made in arrival order (sign-ups in batches by the course's
 * {@link RegistrationDesk} lane); the database additionally refuses duplicate seat numbers and seat numbers above
 * capacity, so no path can oversell.
 */
@Service
public class Registrar {

    private final Courses courses;
    private final Venues venues;
    private final Registrations registrations;
    private final Residents residents;
    private final Tokens tokens;
    private final Notices notices;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final RegistrationDesk desk;

    Registrar(Courses courses, Venues venues, Registrations registrations, Residents residents, Tokens tokens, Notices notices,
              AuditLog audit, StaffDirectory staff, PersonalDataCipher cipher, Clock clock, PlatformTransactionManager txm) {
        this.courses = courses;
        this.venues = venues;
        this.registrations = registrations;
        this.residents = residents;
        this.tokens = tokens;
        this.notices = notices;
        this.audit = audit;
        this.staff = staff;
        this.cipher = cipher;
        this.clock = clock;
        this.desk = new RegistrationDesk(new TransactionTemplate(txm));
    }

    /**
     * Registers a resident (online after a one-time code, or by staff for a phone call or walk-in). The resident's
     * values are encrypted by the request's own thread; the rest (storing the resident, an earlier registration, an
     * overlapping course, the seat) is done by the course's {@link RegistrationDesk} lane, in arrival order, together
     * with the sign-ups that arrived at the same time (one transaction, course row locked). Called inside a caller's
     * transaction, the decision is made in that transaction instead.
     */
    public Outcome register(long courseId, Applicant applicant, Channel channel) {
        SignUp s = prepare(applicant, channel);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            RegistrationDesk.Decision d = decide(courseId, List.of(s)).get(0);
            if (d.refusal() != null) {
                throw d.refusal();
            }
            return d.outcome();
        }
        return desk.submit(courseId, s, batch -> decide(courseId, batch.stream().map(a -> a.request).toList()));
    }

    /** A sign-up waiting for its decision, its resident's values already encrypted. */
    private record SignUp(Applicant applicant, Channel channel, Residents.Sealed resident, String actor, Instant at) {
    }

    private SignUp prepare(Applicant applicant, Channel channel) {
        String actor = channel == Channel.ONLINE ? "resident:" + applicant.phone().masked() : staff.currentActor();
        return new SignUp(applicant, channel, residents.seal(applicant), actor, clock.instant());
    }

    /**
     * Decides sign-ups of one course in the given (arrival) order, inside the caller's transaction: locks the course
     * row, stores the residents in one statement, which locks their rows (so another course's batch cannot seat the same
     * resident at the same time), refuses duplicates and overlapping courses, seats or waitlists each, and stores the
     * registrations and queues their messages in one statement each. Rule refusals are per sign-up; a database error
     * fails the whole transaction (the desk then decides each sign-up alone).
     */
    private List<RegistrationDesk.Decision> decide(long courseId, List<SignUp> batch) {
        Course c = courses.lock(courseId);
        Map<String, Long> idByKey = residents.upsertAll(batch.stream().map(SignUp::resident).toList(), clock.instant());
        List<Long> residentIds = idByKey.values().stream().distinct().sorted().toList();
        Map<Long, Registration> active = registrations.activeOf(courseId, residentIds);
        Map<Long, String> overlaps = registrations.overlappingMany(residentIds, courseId);
        List<Session> sessions = courses.sessions(courseId);
        String firstSession = firstSession(sessions, c);
        Instant decidedAt = clock.instant();

        SeatPlan plan = null;
        List<Integer> seatNumbers = null;
        int queueTail = -1;
        int arrival = c.nextArrival();
        // 1. decide each sign-up in arrival order (in memory)
        RegistrationDesk.Decision[] out = new RegistrationDesk.Decision[batch.size()];
        List<Registrations.New> rows = new ArrayList<>();
        List<Integer> rowOf = new ArrayList<>(); // batch index of each row
        Map<Long, Integer> inBatch = new HashMap<>(); // resident → batch index of the sign-up seated or queued here
        Map<Integer, Integer> duplicateOf = new HashMap<>(); // batch index → the earlier sign-up of the same resident
        for (int k = 0; k < batch.size(); k++) {
            SignUp s = batch.get(k);
            long residentId = idByKey.get(s.resident().key());
            try {
                Registration dup = active.get(residentId);
                if (dup != null) {
                    throw duplicate(dup, registrations.waitlistPosition(dup));
                }
                String o = overlaps.get(residentId);
                if (o != null) {
                    throw overlap(o);
                }
                c.ensureRegistrationPossible(s.at(), s.channel().staffAssisted());
                c.ensureTargetGroup(s.applicant().group());
            } catch (DomainException refused) {
                out[k] = RegistrationDesk.Decision.refused(refused);
                continue;
            }
            if (inBatch.containsKey(residentId)) {
                duplicateOf.put(k, inBatch.get(residentId));
                continue;
            }
            arrival++;
            RegistrationStatus status;
            Integer seat = null;
            Integer queue = null;
            if (c.awaitingDraw()) {
                status = RegistrationStatus.APPLIED;
            } else {
                if (plan == null) {
                    Registrations.Seats taken = registrations.seats(courseId);
                    plan = new SeatPlan(c.capacity(), c.quotas(), c.quotasActive(s.at()), taken.byGroup());
                    seatNumbers = new ArrayList<>(taken.numbers());
                    if (plan.free() > 0 && registrations.hasWaitlist(courseId)) {
                        fillFreeSeats(c, sessions, decidedAt);
                        taken = registrations.seats(courseId);
                        plan = new SeatPlan(c.capacity(), c.quotas(), c.quotasActive(s.at()), taken.byGroup());
                        seatNumbers = new ArrayList<>(taken.numbers());
                    }
                }
                if (plan.canSeat(s.applicant().group())) {
                    status = RegistrationStatus.CONFIRMED;
                    seat = SeatPlan.lowestFree(seatNumbers, c.capacity());
                    seatNumbers.add(seat);
                    plan = plan.take(s.applicant().group());
                } else {
                    status = RegistrationStatus.WAITLISTED;
                    if (c.isLottery()) {
                        queueTail = queueTail < 0 ? registrations.maxQueue(courseId) + 1 : queueTail + 1;
                        queue = queueTail;
                    } else {
                        queue = arrival;
                    }
                }
            }
            rows.add(new Registrations.New(residentId, status, s.applicant().group(), s.channel(), arrival, queue, seat, s.at(),
                    s.actor()));
            rowOf.add(k);
            inBatch.put(residentId, k);
        }
        // 2. store them in one statement; waitlist places: counted once, then one more for each (queue numbers grow)
        List<Registration> stored = registrations.insertAll(courseId, rows);
        List<Notification> messages = new ArrayList<>();
        Map<Integer, Integer> positionOf = new HashMap<>();
        int lastPosition = -1;
        for (int j = 0; j < stored.size(); j++) {
            Registration r = stored.get(j);
            SignUp s = batch.get(rowOf.get(j));
            int position = 0;
            if (r.status() == RegistrationStatus.WAITLISTED) {
                position = lastPosition < 0 ? registrations.waitlistPosition(r) : lastPosition + 1;
                lastPosition = position;
            }
            positionOf.put(rowOf.get(j), position);
            messages.addAll(notices.registeredMessages(new Residents.Contact(r.residentId(), s.applicant().name(), s.applicant().phone(),
                    s.applicant().email()), r, c.title(), firstSession, position, Notices.when(c.closesAt())));
            audit.recordAs(s.actor(), "education.registration.create", "EducationRegistration", r.id(), "과정 " + courseId + " 신청: "
                    + describe(r.status(), position) + (r.seatNo() == null ? "" : ", 좌석 " + r.seatNo()) + " ("
                    + s.channel().label() + ", 도착 " + r.arrivalNo() + "번)");
            out[rowOf.get(j)] = RegistrationDesk.Decision.of(outcome(r, c, position));
        }
        notices.queue(messages);
        duplicateOf.forEach((k, first) -> {
            Registration e = stored.get(rowOf.indexOf(first));
            out[k] = RegistrationDesk.Decision.refused(duplicate(e, positionOf.get(first)));
        });
        if (arrival > c.nextArrival()) {
            courses.advanceArrivals(courseId, arrival - c.nextArrival());
        }
        return List.of(out);
    }

    private static DomainException duplicate(Registration e, int pos) {
        return DomainException.conflict("edu.registration.duplicate", "이미 이 과정에 신청하셨습니다 (신청번호 " + e.id() + ", "
                + describe(e.status(), pos) + ").", e.id(), describe(e.status(), pos));
    }

    private static DomainException overlap(String o) {
        return DomainException.conflict("edu.registration.overlap", "같은 시간에 듣는 다른 과정이 있어 신청할 수 없습니다: " + o, o);
    }

    /** Cancels a registration (by the resident or staff); a freed seat goes to the next on the waitlist. */
    @Transactional
    public Outcome cancel(long registrationId, String reason, String actor) {
        Instant now = clock.instant();
        Registration before = registrations.require(registrationId);
        Course c = courses.lock(before.courseId());
        Registration r = registrations.require(registrationId).cancel(now, reason);
        registrations.save(r);
        tokens.retire(r.id(), Tokens.Purpose.CLAIM, now);
        notices.cancelled(contact(r), r, c.title(), reason);
        fillFreeSeats(c, courses.sessions(c.id()), now);
        audit.recordAs(actor, "education.registration.cancel", "EducationRegistration", r.id(), "신청 취소 (" + before.status().label()
                + (before.seatNo() == null ? "" : ", 좌석 " + before.seatNo()) + ")" + (reason == null ? "" : ": " + reason));
        return outcome(r, c, 0);
    }

    public enum ClaimResult { CONFIRMED, ALREADY_CONFIRMED, EXPIRED, NOT_AVAILABLE }

    public record Claim(ClaimResult result, Outcome outcome) {
    }

    /** The resident taps the link of an offered seat. Idempotent: a second tap reports the confirmed seat. */
    @Transactional
    public Claim claim(String rawToken) {
        Instant now = clock.instant();
        Tokens.Token t = tokens.find(rawToken, Tokens.Purpose.CLAIM)
                .orElseThrow(() -> DomainException.notFound("자리 확정 링크", "(확인할 수 없음)"));
        Course c = courses.lock(registrations.require(t.registrationId()).courseId());
        Registration r = registrations.require(t.registrationId());
        if (r.status() == RegistrationStatus.CONFIRMED) {
            return new Claim(ClaimResult.ALREADY_CONFIRMED, outcome(r, c, 0));
        }
        if (r.status() != RegistrationStatus.OFFERED) {
            return new Claim(ClaimResult.NOT_AVAILABLE, outcome(r, c, registrations.waitlistPosition(r)));
        }
        if (!now.isBefore(r.offerExpiresAt())) {
            Registration x = expire(c, r, now);
            fillFreeSeats(c, courses.sessions(c.id()), now);
            return new Claim(ClaimResult.EXPIRED, outcome(x, c, 0));
        }
        Registration x = r.claim(now);
        registrations.save(x);
        tokens.use(t.hash(), now);
        audit.recordAs("resident:" + contact(x).phone().masked(), "education.registration.claim", "EducationRegistration", x.id(),
                "대기자 자리 확정 (좌석 " + x.seatNo() + ")");
        notices.registered(contact(x), x, c.title(), firstSession(courses.sessions(c.id()), c), 0, "");
        return new Claim(ClaimResult.CONFIRMED, outcome(x, c, 0));
    }

    /** What a claim link points to, for the page that shows the offer before the tap. */
    @Transactional(readOnly = true)
    public Optional<Outcome> claimInfo(String rawToken) {
        return tokens.find(rawToken, Tokens.Purpose.CLAIM).map(t -> {
            Registration r = registrations.require(t.registrationId());
            return outcome(r, courses.require(r.courseId()), registrations.waitlistPosition(r));
        });
    }

    /** Expires the offers of one course whose claim deadline passed, and offers the seats to the next in line. */
    @Transactional
    public int expireOffers(long courseId) {
        Instant now = clock.instant();
        Course c = courses.lock(courseId);
        List<Registration> due = registrations.expiredOffers(courseId, now);
        for (Registration r : due) {
            expire(c, r, now);
        }
        fillFreeSeats(c, courses.sessions(courseId), now);
        return due.size();
    }

    /** Offers free seats of a course to its waitlist (e.g. after quotas lapsed at the end of the window). */
    @Transactional
    public void refill(long courseId) {
        Course c = courses.lock(courseId);
        if (c.status() == CourseStatus.PUBLISHED) {
            fillFreeSeats(c, courses.sessions(courseId), clock.instant());
        }
    }

    private Registration expire(Course c, Registration r, Instant now) {
        Registration x = r.expire(now);
        registrations.save(x);
        tokens.retire(x.id(), Tokens.Purpose.CLAIM, now);
        notices.expired(contact(x), x, c.title());
        audit.recordAs("scheduler", "education.registration.expire", "EducationRegistration", x.id(), "자리 확정 기한 지남 (좌석 "
                + r.seatNo() + " 반납)");
        return x;
    }

    /**
     * Offers every free seat to the first eligible people on the waitlist (course locked by the caller) and returns
     * the seat plan afterwards. No offers once the course has begun.
     */
    SeatPlan fillFreeSeats(Course c, List<Session> sessions, Instant now) {
        SeatPlan plan = new SeatPlan(c.capacity(), c.quotas(), c.quotasActive(now), registrations.seatsHeldByGroup(c.id()));
        if (plan.free() == 0 || c.awaitingDraw() || c.status() != CourseStatus.PUBLISHED) {
            return plan;
        }
        Instant firstStart = sessions.isEmpty() ? null : sessions.get(0).startsAt();
        if (firstStart != null && !now.isBefore(firstStart)) {
            return plan;
        }
        List<Integer> seats = new ArrayList<>(registrations.seatNumbers(c.id()));
        for (Registration w : registrations.waitlist(c.id())) {
            if (plan.free() == 0) {
                break;
            }
            if (!plan.canSeat(w.group())) {
                continue;
            }
            int seat = SeatPlan.lowestFree(seats, c.capacity());
            Instant until = now.plus(Duration.ofHours(c.claimHours()));
            if (firstStart != null && until.isAfter(firstStart)) {
                until = firstStart;
            }
            Registration offered = w.offer(seat, until);
            registrations.save(offered);
            seats.add(seat);
            plan = plan.take(w.group());
            String token = tokens.issue(Tokens.Purpose.CLAIM, offered.id(), now, until);
            notices.offered(contact(offered), offered, c.title(), token);
            audit.recordAs("system", "education.registration.offer", "EducationRegistration", offered.id(),
                    "대기자에게 자리 제안: 좌석 " + seat + ", 기한 " + until);
        }
        return plan;
    }

    /** Changes a course's capacity. Refused below the seats already given: staff must first resolve those. */
    @Transactional
    public void changeCapacity(long courseId, int capacity) {
        Instant now = clock.instant();
        Course c = courses.lock(courseId);
        if (c.status() == CourseStatus.CANCELLED || c.status() == CourseStatus.FINISHED) {
            throw DomainException.conflict("edu.capacity.closed", "끝났거나 취소된 과정의 정원은 바꿀 수 없습니다.");
        }
        if (capacity < 1 || capacity > 2000) {
            throw new DomainException("edu.course.capacity", "정원은 1~2000명 사이로 입력하세요.");
        }
        Room room = venues.room(c.roomId()).orElseThrow();
        if (room.seats() != null && capacity > room.seats() && c.kind() != kr.sotong.education.catalogue.CourseKind.FIELD_TRIP) {
            throw new DomainException("edu.course.capacity-room", "정원(" + capacity + "명)이 " + room.name() + " 좌석 수("
                    + room.seats() + "석)보다 많습니다.", capacity, room.name(), room.seats());
        }
        int held = registrations.seatNumbers(courseId).size();
        if (capacity < held) {
            throw DomainException.conflict("edu.capacity.below-confirmed", "이미 자리를 배정한 인원이 " + held + "명이라 정원을 "
                    + capacity + "명으로 줄일 수 없습니다. 먼저 " + (held - capacity)
                    + "명의 수강을 취소하거나 다른 과정으로 옮긴 뒤 다시 줄이세요.", held, capacity, held - capacity);
        }
        int quotaSum = c.quotas().values().stream().mapToInt(Integer::intValue).sum();
        if (quotaSum > capacity) {
            throw DomainException.conflict("edu.capacity.below-quota", "우선 배정 인원의 합(" + quotaSum + "명)보다 정원을 줄일 수 없습니다.",
                    quotaSum);
        }
        if (capacity < c.capacity()) {
            registrations.compactSeats(courseId);
        }
        courses.setCapacity(courseId, capacity);
        Course changed = courses.lock(courseId);
        fillFreeSeats(changed, courses.sessions(courseId), now);
        audit.record("education.course.capacity", "EducationCourse", courseId, "정원 변경: " + c.capacity() + " → " + capacity
                + " (배정 " + held + "명)");
    }

    /** Cancels a whole course: every active registration is cancelled and told why. */
    @Transactional
    public int cancelCourse(long courseId, String reason) {
        Instant now = clock.instant();
        Course c = courses.lock(courseId);
        if (c.status() == CourseStatus.CANCELLED || c.status() == CourseStatus.FINISHED) {
            throw DomainException.conflict("edu.course.cancel-closed", "이미 끝났거나 취소된 과정입니다.");
        }
        if (reason == null || reason.isBlank()) {
            throw new DomainException("edu.course.cancel-reason", "취소 사유를 입력하세요 (수강생에게 문자로 알립니다).");
        }
        String why = "과정 취소: " + reason.strip();
        int n = 0;
        for (Registration r : registrations.ofCourse(courseId)) {
            if (r.status().active()) {
                Registration x = r.cancel(now, why);
                registrations.save(x);
                tokens.retire(x.id(), Tokens.Purpose.CLAIM, now);
                notices.cancelled(contact(x), x, c.title(), why);
                n++;
            }
        }
        courses.setStatus(courseId, CourseStatus.CANCELLED, null);
        audit.record("education.course.cancel", "EducationCourse", courseId, why + " (신청 " + n + "건 취소)");
        return n;
    }

    /** Draws a lottery course after its window closed, revealing the committed seed. */
    @Transactional
    public Lottery.Result draw(long courseId) {
        Instant now = clock.instant();
        Course c = courses.lock(courseId);
        if (!c.isLottery()) {
            throw DomainException.conflict("edu.lottery.not-lottery", "추첨으로 뽑는 과정이 아닙니다.");
        }
        if (c.drawnAt() != null) {
            throw DomainException.conflict("edu.lottery.drawn", "이미 추첨한 과정입니다.");
        }
        if (c.status() != CourseStatus.PUBLISHED) {
            throw DomainException.conflict("edu.lottery.not-published", "공개된 과정만 추첨할 수 있습니다.");
        }
        if (now.isBefore(c.closesAt())) {
            throw DomainException.conflict("edu.lottery.too-early", "신청 기간이 끝난 뒤에 추첨할 수 있습니다 (마감 " + Notices.when(c.closesAt())
                    + ").", Notices.when(c.closesAt()));
        }
        String seed = cipher.decrypt(courses.sealedSeed(courseId));
        if (!LotterySeed.commitment(seed).equals(c.lotterySeedHash())) {
            throw new IllegalStateException("lottery seed does not match its published commitment for course " + courseId);
        }
        List<Registration> applied = registrations.withStatus(courseId, RegistrationStatus.APPLIED);
        Map<Long, Registration> byId = new HashMap<>();
        List<Lottery.Entry> entries = new ArrayList<>();
        for (Registration r : applied) {
            byId.put(r.id(), r);
            entries.add(new Lottery.Entry(r.id(), r.group()));
        }
        Lottery.Result result = Lottery.draw(seed, entries, c.capacity(), c.quotas());
        Map<Long, Lottery.Ranked> ranked = new HashMap<>();
        result.order().forEach(x -> ranked.put(x.applicationNo(), x));
        List<Session> sessions = courses.sessions(courseId);
        int seat = 0;
        List<Registration> decided = new ArrayList<>();
        for (Long id : result.selected()) {
            Lottery.Ranked k = ranked.get(id);
            Registration x = byId.get(id).ranked(k.key(), k.rank()).confirm(++seat, now);
            registrations.save(x);
            decided.add(x);
        }
        for (Long id : result.waitlisted()) {
            Lottery.Ranked k = ranked.get(id);
            Registration x = byId.get(id).ranked(k.key(), k.rank()).waitlist(k.rank());
            registrations.save(x);
            decided.add(x);
        }
        courses.recordDraw(courseId, seed, now);
        String first = firstSession(sessions, c);
        for (Registration x : decided) {
            notices.drawn(contact(x), x, c.title(), first, registrations.waitlistPosition(x));
        }
        audit.record("education.lottery.draw", "EducationCourse", courseId, "추첨: 신청 " + entries.size() + "명, 확정 "
                + result.selected().size() + "명, 대기 " + result.waitlisted().size() + "명; 씨앗값 " + seed + " (공개 해시 "
                + c.lotterySeedHash() + ")");
        return result;
    }

    // ---------------------------------------------------------------------------------------------------------

    Residents.Contact contact(Registration r) {
        return residents.contact(r.residentId()).orElseThrow();
    }

    private Outcome outcome(Registration r, Course c, int position) {
        return new Outcome(r.id(), c.id(), c.title(), r.status(), r.seatNo(), position, r.offerExpiresAt());
    }

    static String describe(RegistrationStatus status, int position) {
        return status == RegistrationStatus.WAITLISTED ? "대기 " + position + "번" : status.label();
    }

    private String firstSession(List<Session> sessions, Course c) {
        String place = venues.place(c.roomId());
        return sessions.isEmpty() ? place : Notices.when(sessions.get(0).startsAt()) + ", " + place;
    }

    /** For messages: who, masked. */
    static String masked(Residents.Contact c) {
        return Masking.name(c.name());
    }
}
