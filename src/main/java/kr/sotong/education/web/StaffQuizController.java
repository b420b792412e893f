package kr.sotong.education.web;

import java.nio.charset.StandardCharsets;
import kr.sotong.education.catalogue.TargetGroup;
import kr.sotong.education.quiz.QuizMaster;
import kr.sotong.education.quiz.QuizResultsExport;
import kr.sotong.education.registration.Applicant;
import kr.sotong.education.registration.Channel;
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

/** Staff pages of the smart contest: questions, participants, start/stop, results export. */
@Controller
@RequestMapping("/staff/education/quizzes")
@PreAuthorize("hasAnyRole('EDUCATION', 'ADMIN', 'DIRECTOR')")
class StaffQuizController {

    private final QuizMaster quizzes;
    private final QuizResultsExport export;
    private final Texts texts;

    StaffQuizController(QuizMaster quizzes, QuizResultsExport export, Texts texts) {
        this.quizzes = quizzes;
        this.export = export;
        this.texts = texts;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("quizzes", quizzes.quizzes());
        return "education/staff/quizzes";
    }

    @PostMapping
    String create(@RequestParam(required = false) String title, @RequestParam(required = false) String place,
                  @RequestParam(required = false) String opensAt, @RequestParam(required = false) String closesAt,
                  RedirectAttributes redirect) {
        try {
            long id = quizzes.create(title, place, CourseForm.dateTime(opensAt, "대회 시작"), CourseForm.dateTime(closesAt, "대회 끝"));
            return "redirect:/staff/education/quizzes/" + id;
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", texts.error(e));
            return "redirect:/staff/education/quizzes";
        }
    }

    @GetMapping("/{id}")
    String quiz(@PathVariable long id, Model model) {
        model.addAttribute("quiz", quizzes.quiz(id));
        model.addAttribute("questions", quizzes.questions(id));
        model.addAttribute("participants", quizzes.participants(id));
        model.addAttribute("standings", quizzes.leaderboard(id, 20));
        return "education/staff/quiz";
    }

    @PostMapping("/{id}/questions")
    String addQuestion(@PathVariable long id, @RequestParam(required = false) String prompt, @RequestParam(required = false) String hint,
                       @RequestParam(required = false) String choices, @RequestParam(required = false) String answers,
                       @RequestParam(required = false) String seconds, @RequestParam(required = false) String points,
                       RedirectAttributes redirect) {
        return act(id, redirect, () -> quizzes.addQuestion(id, prompt, hint, choices, answers,
                (int) CourseForm.number(seconds, "제한 시간(초)", 10, 1800), (int) CourseForm.number(points, "배점", 1, 1000)));
    }

    @PostMapping("/{id}/participants")
    String register(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam(required = false) String phone,
                    @RequestParam(required = false) String channel, RedirectAttributes redirect) {
        return act(id, redirect, () -> quizzes.register(id, Applicant.of(name, phone, null, TargetGroup.RESIDENT, true),
                Channel.parseStaff(channel)));
    }

    @PostMapping("/{id}/open")
    String open(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> quizzes.open(id));
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> quizzes.close(id));
    }

    @GetMapping("/{id}/results.xlsx")
    ResponseEntity<byte[]> results(@PathVariable long id) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("경진대회-결과-" + id + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(export.xlsx(id));
    }

    private String act(long id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("info", texts.text("edu.staff.saved"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", texts.error(e));
        }
        return "redirect:/staff/education/quizzes/" + id;
    }
}
