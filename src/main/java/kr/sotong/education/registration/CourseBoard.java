package kr.sotong.education.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.sotong.education.catalogue.Category;
import kr.sotong.education.catalogue.Course;
import kr.sotong.education.catalogue.CourseStatus;
import kr.sotong.education.catalogue.Courses;
import kr.sotong.education.catalogue.Level;
import kr.sotong.education.catalogue.Room;
import kr.sotong.education.catalogue.Session;
import kr.sotong.education.catalogue.Venue;
import kr.sotong.education.catalogue.Venues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side: courses with their seat counts for the public listing, staff pages, tiles and the API. */
@Service
public class CourseBoard {

    private final Courses courses;
    private final Venues venues;
    private final Registrations registrations;
    private final Clock clock;

    CourseBoard(Courses courses, Venues venues, Registrations registrations, Clock clock) {
        this.courses = courses;
        this.venues = venues;
        this.registrations = registrations;
        this.clock = clock;
    }

    /**
     * A course as listed.
     *
     * @param seated confirmed + offered (seats given)
     */
    public record Card(Course course, String categoryName, String levelName, Room room, Venue venue, List<Session> sessions,
                       int confirmed, int offered, int waitlisted, int applied, boolean windowOpen, boolean upcoming) {

        public int seated() {
            return confirmed + offered;
        }

        public int free() {
            return Math.max(0, course.capacity() - seated());
        }

        /** Fill rate in whole percent (half-up). */
        public int fillPercent() {
            return (int) Math.round(seated() * 100.0 / course.capacity());
        }

        public Session firstSession() {
            return sessions.isEmpty() ? null : sessions.get(0);
        }

        public Session lastSession() {
            return sessions.isEmpty() ? null : sessions.get(sessions.size() - 1);
        }

        public String place() {
            return (venue == null ? "" : venue.name() + " ") + (room == null ? "" : room.name());
        }
    }

    @Transactional(readOnly = true)
    public List<Card> all() {
        return cards(courses.all());
    }

    /** Published courses that have not ended, soonest first: the residents' list. */
    @Transactional(readOnly = true)
    public List<Card> publicList() {
        Instant now = clock.instant();
        return cards(courses.withStatus(CourseStatus.PUBLISHED)).stream()
                .filter(c -> c.lastSession() == null || c.lastSession().endsAt().isAfter(now))
                .sorted(java.util.Comparator.comparing((Card c) -> c.firstSession() == null ? c.course().opensAt()
                        : c.firstSession().startsAt()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Card card(long courseId) {
        return cards(List.of(courses.require(courseId))).get(0);
    }

    /** One line of a published lottery result: application number, key, rank and what it gave (no names). */
    public record DrawLine(long applicationNo, String key, int rank, RegistrationStatus status, int waitlistPosition) {
    }

    @Transactional(readOnly = true)
    public List<DrawLine> drawResults(long courseId) {
        List<Registration> drawn = registrations.ofCourse(courseId).stream().filter(r -> r.lotteryKey() != null)
                .sorted(java.util.Comparator.comparing(Registration::queueNo)).toList();
        return drawn.stream().map(r -> new DrawLine(r.id(), r.lotteryKey(), r.queueNo(), r.status(),
                registrations.waitlistPosition(r))).toList();
    }

    private List<Card> cards(List<Course> list) {
        Instant now = clock.instant();
        Map<String, String> categories = venues.categories().stream().collect(Collectors.toMap(Category::code, Category::name));
        Map<String, String> levels = venues.levels().stream().collect(Collectors.toMap(Level::code, Level::name));
        Map<Long, Room> rooms = venues.rooms().stream().collect(Collectors.toMap(Room::id, Function.identity()));
        Map<Long, Venue> vs = venues.venues().stream().collect(Collectors.toMap(Venue::id, Function.identity()));
        Map<Long, List<Session>> sessions = courses.sessionsByCourse(list.stream().map(Course::id).toList());
        Map<Long, Map<RegistrationStatus, Integer>> counts = registrations.countsByCourse();
        return list.stream().map(c -> {
            Map<RegistrationStatus, Integer> n = counts.getOrDefault(c.id(), Map.of());
            Room room = rooms.get(c.roomId());
            List<Session> ss = sessions.getOrDefault(c.id(), List.of());
            boolean upcoming = ss.isEmpty() || ss.get(0).startsAt().isAfter(now);
            return new Card(c, categories.get(c.categoryCode()), c.levelCode() == null ? null : levels.get(c.levelCode()), room,
                    room == null ? null : vs.get(room.venueId()), ss, n.getOrDefault(RegistrationStatus.CONFIRMED, 0),
                    n.getOrDefault(RegistrationStatus.OFFERED, 0), n.getOrDefault(RegistrationStatus.WAITLISTED, 0),
                    n.getOrDefault(RegistrationStatus.APPLIED, 0), c.windowOpen(now), upcoming);
        }).toList();
    }
}
