package kr.sotong.education.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import kr.sotong.education.TraineeStatistics;
import kr.sotong.education.TraineeTable;
import kr.sotong.education.catalogue.CourseStatus;
import kr.sotong.education.catalogue.TargetGroup;
import kr.sotong.education.registration.Applicant;
import kr.sotong.education.registration.Channel;
import kr.sotong.education.registration.CourseBoard;
import kr.sotong.education.registration.Outcome;
import kr.sotong.education.registration.Registrar;
import kr.sotong.education.registration.Rosters;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the education module. Courses and statistics are public; registering (staff or an integration with a
 * bearer token, e.g. a call-centre tool) and the roster need the EDUCATION role.
 */
@RestController
@RequestMapping("/api/v1/education")
class EducationApi {

    private final CourseBoard board;
    private final Registrar registrar;
    private final Rosters rosters;
    private final TraineeStatistics stats;

    EducationApi(CourseBoard board, Registrar registrar, Rosters rosters, TraineeStatistics stats) {
        this.board = board;
        this.registrar = registrar;
        this.rosters = rosters;
        this.stats = stats;
    }

    record SessionDto(int no, Instant startsAt, Instant endsAt, String topic) {
    }

    record CourseDto(long id, String title, String kind, String category, String level, String place, List<String> targetGroups,
                     String allocation, String status, int capacity, int confirmed, int offered, int waitlisted, int applied,
                     int free, Instant opensAt, Instant closesAt, List<SessionDto> sessions, String lotterySeedHash,
                     String lotterySeed, Instant drawnAt) {
    }

    @GetMapping("/courses")
    List<CourseDto> courses(@RequestParam(required = false) String status, @RequestParam(required = false) String category) {
        return board.all().stream()
                .filter(c -> c.course().status() != CourseStatus.DRAFT)
                .filter(c -> status == null || c.course().status().name().equalsIgnoreCase(status))
                .filter(c -> category == null || c.course().categoryCode().equalsIgnoreCase(category))
                .map(EducationApi::dto).toList();
    }

    static CourseDto dto(CourseBoard.Card c) {
        var course = c.course();
        return new CourseDto(course.id(), course.title(), course.kind().name(), course.categoryCode(), course.levelCode(), c.place(),
                course.targetGroups().stream().sorted().map(Enum::name).toList(), course.allocation().name(), course.status().name(),
                course.capacity(), c.confirmed(), c.offered(), c.waitlisted(), c.applied(), c.free(), course.opensAt(), course.closesAt(),
                c.sessions().stream().map(s -> new SessionDto(s.sessionNo(), s.startsAt(), s.endsAt(), s.topic())).toList(),
                course.lotterySeedHash(), course.lotterySeed(), course.drawnAt());
    }

    /** @param channel PHONE, WALK_IN or API (default) */
    record RegistrationRequest(String name, String phone, String email, String targetGroup, String channel) {
    }

    record RegistrationDto(long registrationId, long courseId, String status, Integer seatNo, int waitlistPosition,
                           Instant offerExpiresAt) {
    }

    @PostMapping("/courses/{id}/registrations")
    @PreAuthorize("hasAnyRole('EDUCATION', 'ADMIN')")
    ResponseEntity<RegistrationDto> register(@PathVariable long id, @RequestBody RegistrationRequest body) {
        Applicant a = Applicant.of(body.name(), body.phone(), body.email(), TargetGroup.parse(body.targetGroup()), false);
        Outcome o = registrar.register(id, a, body.channel() == null ? Channel.API : Channel.parseStaff(body.channel()));
        return ResponseEntity.created(URI.create("/api/v1/education/courses/" + id + "/registrations/" + o.registrationId()))
                .body(new RegistrationDto(o.registrationId(), o.courseId(), o.status().name(), o.seatNo(), o.waitlistPosition(),
                        o.offerExpiresAt()));
    }

    record RosterDto(long registrationId, int arrivalNo, String status, Integer seatNo, int waitlistPosition, String name,
                     String phone, String targetGroup, String channel, Instant registeredAt, Boolean completed) {
    }

    @GetMapping("/courses/{id}/roster")
    @PreAuthorize("hasAnyRole('EDUCATION', 'ADMIN', 'DIRECTOR')")
    List<RosterDto> roster(@PathVariable long id) {
        board.card(id);
        return rosters.roster(id, "API로 수강생 명단 조회").stream()
                .map(e -> new RosterDto(e.registrationId(), e.arrivalNo(), e.status().name(), e.seatNo(), e.waitlistPosition(),
                        e.maskedName(), e.maskedPhone(), e.group().name(), e.channel().name(), e.createdAt(), e.completed()))
                .toList();
    }

    @GetMapping("/stats")
    TraineeTable stats(@RequestParam int year) {
        return stats.trainees(year);
    }
}
