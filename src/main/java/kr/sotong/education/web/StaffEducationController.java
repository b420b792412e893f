package kr.sotong.education.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import kr.sotong.education.catalogue.Catalogue;
import kr.sotong.education.catalogue.KioskHours;
import kr.sotong.education.catalogue.RoomKind;
import kr.sotong.education.catalogue.VenueKind;
import kr.sotong.education.catalogue.Venues;
import kr.sotong.education.stats.TraineeStats;
import kr.sotong.education.survey.Surveys;
import kr.sotong.shared.DomainException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages: venues and rooms, kiosk zone hours, trainee statistics (XLSX), survey results. */
@Controller
@RequestMapping("/staff/education")
class StaffEducationController {

    private final Venues venues;
    private final Catalogue catalogue;
    private final KioskHours kioskHours;
    private final TraineeStats stats;
    private final Surveys surveys;
    private final Texts texts;
    private final Clock clock;

    StaffEducationController(Venues venues, Catalogue catalogue, KioskHours kioskHours, TraineeStats stats, Surveys surveys,
                             Texts texts, Clock clock) {
        this.venues = venues;
        this.catalogue = catalogue;
        this.kioskHours = kioskHours;
        this.stats = stats;
        this.surveys = surveys;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/venues")
    @PreAuthorize("hasAnyRole('EDUCATION', 'ADMIN', 'DIRECTOR')")
    String venues(Model model) {
        model.addAttribute("venues", venues.venues());
        model.addAttribute("rooms", venues.rooms());
        model.addAttribute("roomKinds", RoomKind.values());
        model.addAttribute("hours", kioskHours.all());
        return "education/staff/venues";
    }

    @PostMapping("/venues/{venueId}")
    @PreAuthorize("hasAnyRole('EDUCATION', 'ADMIN')")
    String updateVenue(@PathVariable long venueId, @RequestParam(required = false) String name,
                       @RequestParam(required = false) String address, @RequestParam(required = false) String note,
                       RedirectAttributes redirect) {
        return act(redirect, () -> catalogue.updateVenue(venueId, name, address, note));
    }

    @PostMapping("/venues/{venueId}/rooms")
    @PreAuthorize("hasAnyRole('EDUCATION', 'ADMIN')")
    String addRoom(@PathVariable long venueId, @RequestParam(required = false) String code, @RequestParam(required = false) String name,
                   @RequestParam(required = false) String kind, @RequestParam(required = false) String seats,
                   @RequestParam(required = false) String equipment, RedirectAttributes redirect) {
        return act(redirect, () -> catalogue.addRoom(venueId, code, name, CourseForm.parseEnum(RoomKind.class, kind, "교육장 종류"),
                seats(seats), equipment));
    }

    @PostMapping("/rooms/{roomId}")
    @PreAuthorize("hasAnyRole('EDUCATION', 'ADMIN')")
    String updateRoom(@PathVariable long roomId, @RequestParam(required = false) String name, @RequestParam(required = false) String seats,
                      @RequestParam(required = false) String equipment, @RequestParam(required = false) String note,
                      @RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
        return act(redirect, () -> catalogue.updateRoom(roomId, name, seats(seats), equipment, note, active));
    }

    @PostMapping("/kiosk-hours")
    @PreAuthorize("hasAnyRole('EDUCATION', 'ADMIN')")
    String addHours(@RequestParam(required = false) String roomId, @RequestParam(required = false) String weekday,
                    @RequestParam(required = false) String opens, @RequestParam(required = false) String closes,
                    @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(redirect, () -> {
            try {
                kioskHours.add(CourseForm.number(roomId, "장소", 1, Long.MAX_VALUE), (int) CourseForm.number(weekday, "요일", 1, 7),
                        LocalTime.parse(opens), LocalTime.parse(closes), note);
            } catch (DateTimeParseException | NullPointerException e) {
                throw new DomainException("edu.kiosk.times", "요일과 여는·닫는 시각을 바르게 입력하세요.");
            }
        });
    }

    @PostMapping("/kiosk-hours/{id}/delete")
    @PreAuthorize("hasAnyRole('EDUCATION', 'ADMIN')")
    String removeHours(@PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, () -> kioskHours.remove(id));
    }

    private static Integer seats(String seats) {
        return seats == null || seats.isBlank() ? null : (int) CourseForm.number(seats, "좌석 수", 1, 2000);
    }

    private String act(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("info", texts.text("edu.staff.saved"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", texts.error(e));
        }
        return "redirect:/staff/education/venues";
    }

    // statistics --------------------------------------------------------------------------------------------

    @GetMapping("/stats")
    @PreAuthorize("hasAnyRole('EDUCATION', 'ADMIN', 'DIRECTOR', 'VIEWER')")
    String stats(@RequestParam(required = false) Integer year, Model model) {
        var years = stats.years();
        int y = year != null ? year : years.isEmpty() ? clock.instant().atZone(ZoneId.of("Asia/Seoul")).getYear() : years.get(0);
        model.addAttribute("year", y);
        model.addAttribute("years", years);
        model.addAttribute("table", stats.trainees(y));
        model.addAttribute("plan", stats.plan(y));
        model.addAttribute("planNext", stats.plan(y + 1));
        model.addAttribute("coursesByKind", stats.coursesByKind(y + 1));
        model.addAttribute("categories", venues.categories());
        model.addAttribute("venues", venues.venues());
        model.addAttribute("venueKinds", VenueKind.values());
        return "education/staff/stats";
    }

    @GetMapping("/stats.xlsx")
    @PreAuthorize("hasAnyRole('EDUCATION', 'ADMIN', 'DIRECTOR', 'VIEWER')")
    ResponseEntity<byte[]> statsXlsx(@RequestParam int year) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("정보화교육-교육생-" + year + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(stats.xlsx(year));
    }

    @PostMapping("/stats")
    @PreAuthorize("hasAnyRole('EDUCATION', 'ADMIN')")
    String record(@RequestParam(required = false) String year, @RequestParam(required = false) String period,
                  @RequestParam(required = false) String venueKind, @RequestParam(required = false) String venueId,
                  @RequestParam(required = false) String category, @RequestParam(required = false) String trainees,
                  @RequestParam(required = false) String source, RedirectAttributes redirect) {
        int y = 0;
        try {
            y = (int) CourseForm.number(year, "연도", 2000, 2100);
            stats.record(y, period, CourseForm.parseEnum(VenueKind.class, venueKind, "장소 구분"),
                    venueId == null || venueId.isBlank() ? null : CourseForm.number(venueId, "장소", 1, Long.MAX_VALUE), category,
                    (int) CourseForm.number(trainees, "교육생 수", 0, 1_000_000), source);
            redirect.addFlashAttribute("info", texts.text("edu.staff.saved"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", texts.error(e));
        }
        return "redirect:/staff/education/stats" + (y > 0 ? "?year=" + y : "");
    }

    // surveys -----------------------------------------------------------------------------------------------

    @GetMapping("/surveys")
    @PreAuthorize("hasAnyRole('EDUCATION', 'ADMIN', 'DIRECTOR', 'VIEWER')")
    String surveys(@RequestParam(required = false) Long course, Model model) {
        model.addAttribute("courses", surveys.byCourse());
        model.addAttribute("instructors", surveys.byInstructor());
        if (course != null) {
            model.addAttribute("course", course);
            model.addAttribute("comments", surveys.comments(course));
        }
        return "education/staff/surveys";
    }
}
