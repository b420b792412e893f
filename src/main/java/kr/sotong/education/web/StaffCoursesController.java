package kr.sotong.education.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import kr.sotong.education.attendance.AttendanceStatus;
import kr.sotong.education.attendance.Certificates;
import kr.sotong.education.attendance.Completion;
import kr.sotong.education.attendance.RollCall;
import kr.sotong.education.catalogue.Allocation;
import kr.sotong.education.catalogue.Catalogue;
import kr.sotong.education.catalogue.CourseKind;
import kr.sotong.education.catalogue.Courses;
import kr.sotong.education.catalogue.Room;
import kr.sotong.education.catalogue.TargetGroup;
import kr.sotong.education.catalogue.Venue;
import kr.sotong.education.catalogue.Venues;
import kr.sotong.education.registration.Applicant;
import kr.sotong.education.registration.Channel;
import kr.sotong.education.registration.CourseBoard;
import kr.sotong.education.registration.Outcome;
import kr.sotong.education.registration.Registrar;
import kr.sotong.education.registration.Residents;
import kr.sotong.education.registration.Rosters;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages for courses: catalogue, registrations (incl. phone and walk-in), lottery, roll-call, completion. */
@Controller
@RequestMapping("/staff/education")
@PreAuthorize("hasAnyRole('EDUCATION', 'ADMIN', 'DIRECTOR')")
class StaffCoursesController {

    private final Catalogue catalogue;
    private final Courses courses;
    private final Venues venues;
    private final CourseBoard board;
    private final Registrar registrar;
    private final Rosters rosters;
    private final RollCall rollCall;
    private final Completion completion;
    private final Certificates certificates;
    private final StaffDirectory staff;
    private final Texts texts;

    StaffCoursesController(Catalogue catalogue, Courses courses, Venues venues, CourseBoard board, Registrar registrar,
                           Rosters rosters, RollCall rollCall, Completion completion, Certificates certificates,
                           StaffDirectory staff, Texts texts) {
        this.catalogue = catalogue;
        this.courses = courses;
        this.venues = venues;
        this.board = board;
        this.registrar = registrar;
        this.rosters = rosters;
        this.rollCall = rollCall;
        this.completion = completion;
        this.certificates = certificates;
        this.staff = staff;
        this.texts = texts;
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("cards", board.all());
        return "education/staff/index";
    }

    // course form -------------------------------------------------------------------------------------------

    @GetMapping("/courses/new")
    String newCourse(Model model) {
        formModel(model, CourseForm.empty());
        return "education/staff/course-form";
    }

    @PostMapping("/courses")
    String create(@ModelAttribute("form") CourseForm form, Model model, RedirectAttributes redirect) {
        try {
            long id = catalogue.createCourse(form.toDraft());
            redirect.addFlashAttribute("info", texts.text("edu.staff.course.created"));
            return "redirect:/staff/education/courses/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", texts.error(e));
            formModel(model, form);
            return "education/staff/course-form";
        }
    }

    @GetMapping("/courses/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("courseId", id);
        formModel(model, CourseForm.of(courses.require(id)));
        return "education/staff/course-form";
    }

    @PostMapping("/courses/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute("form") CourseForm form, Model model, RedirectAttributes redirect) {
        try {
            catalogue.updateCourse(id, form.toDraft());
            redirect.addFlashAttribute("info", texts.text("edu.staff.saved"));
            return "redirect:/staff/education/courses/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", texts.error(e));
            model.addAttribute("courseId", id);
            formModel(model, form);
            return "education/staff/course-form";
        }
    }

    private void formModel(Model model, CourseForm form) {
        model.addAttribute("form", form);
        List<Venue> vs = venues.venues();
        List<Room> rooms = venues.rooms().stream().filter(Room::active).toList();
        model.addAttribute("venues", vs);
        model.addAttribute("rooms", rooms);
        model.addAttribute("categories", venues.categories());
        model.addAttribute("levels", venues.levels());
        model.addAttribute("kinds", CourseKind.values());
        model.addAttribute("allocations", Allocation.values());
        model.addAttribute("groups", TargetGroup.values());
    }

    // course page -------------------------------------------------------------------------------------------

    @GetMapping("/courses/{id}")
    String course(@PathVariable long id, Model model) {
        CourseBoard.Card card = board.card(id);
        model.addAttribute("card", card);
        model.addAttribute("roster", rosters.roster(id, "과정 관리 화면에서 수강생 목록 조회"));
        model.addAttribute("groups", TargetGroup.values());
        model.addAttribute("certificates", certificates.ofCourse(id));
        if (card.course().drawnAt() != null) {
            model.addAttribute("draw", board.drawResults(id));
        }
        if (!model.containsAttribute("applyForm")) {
            model.addAttribute("applyForm", ApplyForm.empty());
        }
        return "education/staff/course";
    }

    @PostMapping("/courses/{id}/sessions")
    String addSession(@PathVariable long id, @RequestParam(required = false) String date, @RequestParam(required = false) String start,
                      @RequestParam(required = false) String end, @RequestParam(required = false) String topic,
                      @RequestParam(required = false) String instructor, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            try {
                catalogue.addSession(id, LocalDate.parse(date), LocalTime.parse(start), LocalTime.parse(end), topic, instructor);
            } catch (DateTimeParseException | NullPointerException e) {
                throw new DomainException("edu.session.required", "회차의 날짜, 시작 시각, 끝 시각을 모두 입력하세요.");
            }
        }, "edu.staff.session.added");
    }

    @PostMapping("/courses/{id}/sessions/{sessionId}/delete")
    String deleteSession(@PathVariable long id, @PathVariable long sessionId, RedirectAttributes redirect) {
        return act(id, redirect, () -> catalogue.deleteSession(id, sessionId), "edu.staff.session.deleted");
    }

    @PostMapping("/courses/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> catalogue.publish(id), "edu.staff.course.published");
    }

    @PostMapping("/courses/{id}/capacity")
    String capacity(@PathVariable long id, @RequestParam(required = false) String capacity, RedirectAttributes redirect) {
        return act(id, redirect, () -> registrar.changeCapacity(id, (int) CourseForm.number(capacity, "정원", 1, 2000)),
                "edu.staff.capacity.changed");
    }

    @PostMapping("/courses/{id}/cancel")
    String cancelCourse(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> registrar.cancelCourse(id, reason), "edu.staff.course.cancelled");
    }

    @PostMapping("/courses/{id}/draw")
    String draw(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> registrar.draw(id), "edu.staff.lottery.drawn");
    }

    @PostMapping("/courses/{id}/finish")
    String finish(@PathVariable long id, RedirectAttributes redirect) {
        try {
            Completion.Result r = completion.finish(id);
            redirect.addFlashAttribute("info", texts.text("edu.staff.finished", r.trainees(), r.completed(), r.surveysSent()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", texts.error(e));
        }
        return "redirect:/staff/education/courses/" + id;
    }

    /** Staff register a resident who phoned or walked in (no one-time code; the channel is recorded). */
    @PostMapping("/courses/{id}/registrations")
    String register(@PathVariable long id, @ModelAttribute("applyForm") ApplyForm form, @RequestParam(required = false) String channel,
                    RedirectAttributes redirect) {
        try {
            Applicant a = Applicant.of(form.name(), form.phone(), form.email(), TargetGroup.parse(form.group()), false);
            Outcome o = registrar.register(id, a, Channel.parseStaff(channel));
            redirect.addFlashAttribute("info", texts.text("edu.staff.registered", o.registrationId(),
                    o.status().name().equals("WAITLISTED") ? texts.text("edu.status.waitlisted", o.waitlistPosition())
                            : texts.text("edu.status." + o.status())));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", texts.error(e));
            redirect.addFlashAttribute("applyForm", form);
        }
        return "redirect:/staff/education/courses/" + id + "#register";
    }

    @PostMapping("/courses/{id}/registrations/{registrationId}/cancel")
    String cancelRegistration(@PathVariable long id, @PathVariable long registrationId, @RequestParam(required = false) String reason,
                              RedirectAttributes redirect) {
        return act(id, redirect, () -> registrar.cancel(registrationId, reason == null || reason.isBlank() ? "담당자 취소" : reason.strip(),
                staff.currentActor()), "edu.staff.registration.cancelled");
    }

    @PostMapping("/courses/{id}/registrations/{registrationId}/reveal")
    String reveal(@PathVariable long id, @PathVariable long registrationId, RedirectAttributes redirect) {
        Residents.Contact c = rosters.reveal(registrationId, "담당자가 수강생 연락처 열람");
        redirect.addFlashAttribute("revealed", new Revealed(registrationId, c.name(), c.phone().formatted(), c.email()));
        return "redirect:/staff/education/courses/" + id;
    }

    record Revealed(long registrationId, String name, String phone, String email) {
    }

    // roll-call ---------------------------------------------------------------------------------------------

    @GetMapping("/courses/{id}/roll-call/{sessionId}")
    String rollCallPage(@PathVariable long id, @PathVariable long sessionId, Model model) {
        RollCall.Sheet sheet = rollCall.sheet(id, "출석 체크(태블릿)");
        model.addAttribute("sheet", sheet);
        model.addAttribute("meeting", sheet.sessions().stream().filter(s -> s.id() == sessionId).findFirst()
                .orElseThrow(() -> DomainException.notFound("회차", sessionId)));
        model.addAttribute("statuses", AttendanceStatus.values());
        return "education/staff/roll-call";
    }

    @PostMapping("/courses/{id}/roll-call/{sessionId}")
    String mark(@PathVariable long id, @PathVariable long sessionId, @RequestParam long registrationId, @RequestParam String status,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        try {
            rollCall.mark(id, sessionId, registrationId, CourseForm.parseEnum(AttendanceStatus.class, status, "출석 상태"));
        } catch (DomainException e) {
            if (htmx != null) {
                throw e;
            }
            redirect.addFlashAttribute("error", texts.error(e));
        }
        if (htmx != null) {
            RollCall.Sheet sheet = rollCall.sheet(id, "출석 체크(태블릿)");
            model.addAttribute("sheet", sheet);
            model.addAttribute("meeting", sheet.sessions().stream().filter(s -> s.id() == sessionId).findFirst().orElseThrow());
            model.addAttribute("line", sheet.lines().stream().filter(l -> l.trainee().registrationId() == registrationId).findFirst().orElseThrow());
            model.addAttribute("statuses", AttendanceStatus.values());
            return "education/staff/roll-call :: row";
        }
        return "redirect:/staff/education/courses/" + id + "/roll-call/" + sessionId + "#r" + registrationId;
    }

    @PostMapping("/courses/{id}/roll-call/{sessionId}/all-present")
    String allPresent(@PathVariable long id, @PathVariable long sessionId, RedirectAttributes redirect) {
        try {
            int n = rollCall.markRemainingPresent(id, sessionId);
            redirect.addFlashAttribute("info", texts.text("edu.staff.rollcall.all", n));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", texts.error(e));
        }
        return "redirect:/staff/education/courses/" + id + "/roll-call/" + sessionId;
    }

    @GetMapping("/courses/{id}/sheet")
    String sheet(@PathVariable long id, Model model) {
        model.addAttribute("sheet", rollCall.sheet(id, "출석부 인쇄"));
        model.addAttribute("place", board.card(id).place());
        return "education/staff/roll-sheet";
    }

    // certificates ------------------------------------------------------------------------------------------

    @GetMapping("/courses/{id}/certificates/{registrationId}.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable long id, @PathVariable long registrationId) {
        byte[] pdf = certificates.pdf(registrationId, "담당자 수료증 출력");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("수료증-" + registrationId + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }

    @PostMapping("/courses/{id}/certificates/{registrationId}/revoke")
    String revoke(@PathVariable long id, @PathVariable long registrationId, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        return act(id, redirect, () -> certificates.revoke(registrationId, reason), "edu.staff.certificate.revoked");
    }

    private String act(long id, RedirectAttributes redirect, Runnable action, String okKey) {
        try {
            action.run();
            redirect.addFlashAttribute("info", texts.text(okKey));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", texts.error(e));
        }
        return "redirect:/staff/education/courses/" + id;
    }
}
