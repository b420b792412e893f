package kr.sotong.education.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import kr.sotong.education.catalogue.Venues;
import kr.sotong.education.counselling.CounsellingDesk;
import kr.sotong.education.counselling.Topic;
import kr.sotong.education.registration.Applicant;
import kr.sotong.education.registration.Channel;
import kr.sotong.education.catalogue.TargetGroup;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff side of the digital counselling desk: open slots, book for callers, record outcomes and no-shows. */
@Controller
@RequestMapping("/staff/education/counselling")
@PreAuthorize("hasAnyRole('EDUCATION', 'ADMIN', 'DIRECTOR')")
class StaffCounsellingController {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final CounsellingDesk desk;
    private final Venues venues;
    private final StaffDirectory staff;
    private final Texts texts;
    private final Clock clock;

    StaffCounsellingController(CounsellingDesk desk, Venues venues, StaffDirectory staff, Texts texts, Clock clock) {
        this.desk = desk;
        this.venues = venues;
        this.staff = staff;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping
    String page(@RequestParam(required = false) String from, Model model) {
        LocalDate start;
        try {
            start = from == null || from.isBlank() ? clock.instant().atZone(SEOUL).toLocalDate() : LocalDate.parse(from);
        } catch (DateTimeParseException e) {
            start = clock.instant().atZone(SEOUL).toLocalDate();
            model.addAttribute("error", texts.text("edu.staff.bad-date"));
        }
        model.addAttribute("from", start);
        model.addAttribute("slots", desk.between(start, start.plusDays(13)));
        model.addAttribute("rooms", venues.rooms());
        model.addAttribute("topics", Topic.values());
        model.addAttribute("previous", start.minusDays(14));
        model.addAttribute("next", start.plusDays(14));
        return "education/staff/counselling";
    }

    @PostMapping("/slots")
    String createSlots(@RequestParam(required = false) String roomId, @RequestParam(required = false) String date,
                       @RequestParam(required = false) String start, @RequestParam(required = false) String end,
                       @RequestParam(required = false) String minutes, @RequestParam(required = false) String counsellor,
                       RedirectAttributes redirect) {
        try {
            int n = desk.createSlots(CourseForm.number(roomId, "장소", 1, Long.MAX_VALUE), LocalDate.parse(date), LocalTime.parse(start),
                    LocalTime.parse(end), (int) CourseForm.number(minutes, "상담 길이(분)", 10, 180), counsellor);
            redirect.addFlashAttribute("info", texts.text("edu.staff.slots.created", n));
            return "redirect:/staff/education/counselling?from=" + date;
        } catch (DateTimeParseException | NullPointerException e) {
            redirect.addFlashAttribute("error", texts.text("edu.staff.bad-date"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", texts.error(e));
        }
        return "redirect:/staff/education/counselling";
    }

    @PostMapping("/{slotId}/book")
    String book(@PathVariable long slotId, @RequestParam(required = false) String name, @RequestParam(required = false) String phone,
                @RequestParam(required = false) String topic, @RequestParam(required = false) String detail,
                @RequestParam(required = false) String channel, RedirectAttributes redirect) {
        return act(redirect, () -> desk.book(slotId, Applicant.of(name, phone, null, TargetGroup.RESIDENT, false),
                CounsellingPublicController.topic(topic), detail, Channel.parseStaff(channel)), slotId);
    }

    @PostMapping("/{slotId}/outcome")
    String outcome(@PathVariable long slotId, @RequestParam(required = false) String notes, RedirectAttributes redirect) {
        return act(redirect, () -> desk.recordOutcome(slotId, notes), slotId);
    }

    @PostMapping("/{slotId}/no-show")
    String noShow(@PathVariable long slotId, RedirectAttributes redirect) {
        return act(redirect, () -> desk.markNoShow(slotId), slotId);
    }

    @PostMapping("/{slotId}/cancel-booking")
    String cancelBooking(@PathVariable long slotId, RedirectAttributes redirect) {
        return act(redirect, () -> desk.cancelBooking(slotId, staff.currentActor()), slotId);
    }

    @PostMapping("/{slotId}/close")
    String close(@PathVariable long slotId, RedirectAttributes redirect) {
        return act(redirect, () -> desk.cancelSlot(slotId), slotId);
    }

    @GetMapping("/{slotId}/outcome")
    String showOutcome(@PathVariable long slotId, Model model) {
        model.addAttribute("slot", desk.slot(slotId));
        model.addAttribute("outcome", desk.outcome(slotId).orElse(""));
        return "education/staff/counselling-outcome";
    }

    private String act(RedirectAttributes redirect, Runnable action, long slotId) {
        String day = desk.slot(slotId).startsAt().atZone(SEOUL).toLocalDate().toString();
        try {
            action.run();
            redirect.addFlashAttribute("info", texts.text("edu.staff.saved"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", texts.error(e));
        }
        return "redirect:/staff/education/counselling?from=" + day;
    }
}
