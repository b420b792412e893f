package kr.sotong.education;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import kr.sotong.education.catalogue.Allocation;
import kr.sotong.education.catalogue.Catalogue;
import kr.sotong.education.catalogue.CourseDraft;
import kr.sotong.education.catalogue.CourseKind;
import kr.sotong.education.catalogue.RoomKind;
import kr.sotong.education.catalogue.TargetGroup;
import kr.sotong.education.catalogue.Venues;
import kr.sotong.education.registration.Applicant;
import org.springframework.stereotype.Component;

/** Test data for the education module: courses in rooms of their own, residents with unique phone numbers. */
@Component
public class EducationFixtures {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final AtomicInteger ROOMS = new AtomicInteger();
    private static final AtomicLong PHONES = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000L, 80_000_000L));

    private final Catalogue catalogue;
    private final Venues venues;
    private final Clock clock;

    EducationFixtures(Catalogue catalogue, Venues venues, Clock clock) {
        this.catalogue = catalogue;
        this.venues = venues;
        this.clock = clock;
    }

    public record Spec(String title, int capacity, Allocation allocation, Instant opensAt, Instant closesAt,
                       LocalDateTime firstSession, int sessions, Set<TargetGroup> groups, Map<TargetGroup, Integer> quotas,
                       CourseKind kind, String category, int claimHours, boolean publish) {

        public Spec capacity(int n) {
            return new Spec(title, n, allocation, opensAt, closesAt, firstSession, sessions, groups, quotas, kind, category,
                    claimHours, publish);
        }

        public Spec lottery() {
            return new Spec(title, capacity, Allocation.LOTTERY, opensAt, closesAt, firstSession, sessions, groups, quotas, kind,
                    category, claimHours, publish);
        }

        public Spec window(Instant opens, Instant closes) {
            return new Spec(title, capacity, allocation, opens, closes, firstSession, sessions, groups, quotas, kind, category,
                    claimHours, publish);
        }

        public Spec firstSession(LocalDateTime at, int count) {
            return new Spec(title, capacity, allocation, opensAt, closesAt, at, count, groups, quotas, kind, category,
                    claimHours, publish);
        }

        public Spec quotas(Map<TargetGroup, Integer> q) {
            return new Spec(title, capacity, allocation, opensAt, closesAt, firstSession, sessions, groups, q, kind, category,
                    claimHours, publish);
        }

        public Spec title(String t) {
            return new Spec(t, capacity, allocation, opensAt, closesAt, firstSession, sessions, groups, quotas, kind, category,
                    claimHours, publish);
        }

        public Spec claimHours(int h) {
            return new Spec(title, capacity, allocation, opensAt, closesAt, firstSession, sessions, groups, quotas, kind, category,
                    h, publish);
        }

        public Spec draft() {
            return new Spec(title, capacity, allocation, opensAt, closesAt, firstSession, sessions, groups, quotas, kind, category,
                    claimHours, false);
        }
    }

    /** A first-come course open for a day from now, sessions weekly from a week ahead at 10:00. */
    public Spec spec() {
        Instant now = clock.instant();
        LocalDateTime first = now.atZone(SEOUL).toLocalDate().plusDays(7).atTime(10, 0);
        return new Spec("스마트폰 입문 " + ROOMS.incrementAndGet(), 16, Allocation.FIRST_COME, now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(1)), first, 4, EnumSet.allOf(TargetGroup.class), Map.of(), CourseKind.REGULAR,
                "SMARTPHONE", 24, true);
    }

    /** Creates the course in a room of its own (no clashes between tests) and publishes it. */
    public long create(Spec s) {
        long venue = venues.venueByCode("gc-office").orElseThrow().id();
        long room = catalogue.addRoom(venue, "test-room-" + ROOMS.incrementAndGet() + "-" + System.nanoTime() % 100000,
                "시험 교육장", RoomKind.GENERAL, null, null);
        return create(s, room);
    }

    public long create(Spec s, long room) {
        long id = catalogue.createCourse(new CourseDraft(s.title(), s.kind(), s.category(), "INTRO", room, "김강사",
                "누구나 쉽게 배우는 과정", s.groups(), s.quotas(), s.capacity(), s.allocation(), s.opensAt(), s.closesAt(),
                s.claimHours(), 80));
        for (int i = 0; i < s.sessions(); i++) {
            LocalDateTime at = s.firstSession().plusWeeks(i);
            catalogue.addSession(id, at.toLocalDate(), at.toLocalTime(), at.toLocalTime().plusHours(2), i + 1 + "회차", null);
        }
        if (s.publish()) {
            catalogue.publish(id);
        }
        return id;
    }

    /** A fresh mobile number 010-xxxx-xxxx (digits). */
    public static String phone() {
        return "010" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000L);
    }

    public static Applicant applicant(String name) {
        return Applicant.of(name, phone(), null, TargetGroup.RESIDENT, true);
    }

    public static Applicant applicant(String name, TargetGroup group) {
        return Applicant.of(name, phone(), null, group, true);
    }
}
