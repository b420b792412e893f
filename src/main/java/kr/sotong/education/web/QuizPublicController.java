package kr.sotong.education.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import kr.sotong.education.catalogue.EducationProperties;
import kr.sotong.education.catalogue.TargetGroup;
import kr.sotong.education.quiz.QuizMaster;
import kr.sotong.education.registration.Applicant;
import kr.sotong.education.registration.Channel;
import kr.sotong.platform.OneTimeCodes;
import kr.sotong.platform.RateLimits;
import kr.sotong.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The smart contest on the participant's phone, and the live leaderboard for the hall screen. */
@Controller
@RequestMapping("/classes/quiz/{quizId}")
class QuizPublicController {

    static final String KEY = "education.quizParticipants";

    private final QuizMaster quizzes;
    private final OneTimeCodes codes;
    private final RateLimits limits;
    private final EducationProperties properties;
    private final Texts texts;
    private final Clock clock;

    QuizPublicController(QuizMaster quizzes, OneTimeCodes codes, RateLimits limits, EducationProperties properties, Texts texts,
                         Clock clock) {
        this.quizzes = quizzes;
        this.codes = codes;
        this.limits = limits;
        this.properties = properties;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping
    String entry(@PathVariable long quizId, Model model, HttpSession session) {
        model.addAttribute("quiz", quizzes.quiz(quizId));
        model.addAttribute("form", ApplyForm.empty());
        model.addAttribute("entered", participant(session, quizId) != null);
        return "education/public/quiz";
    }

    @PostMapping("/enter")
    String enter(@PathVariable long quizId, ApplyForm form, Model model, HttpServletRequest request, HttpSession session) {
        QuizMaster.Quiz quiz = quizzes.quiz(quizId);
        model.addAttribute("quiz", quiz);
        model.addAttribute("form", form);
        model.addAttribute("entered", false);
        try {
            limits.acquire("edu.quiz", request.getRemoteAddr(), properties.applyPerIp(), properties.applyWindow());
            Applicant who = ClassesController.applicant(new ApplyForm(form.name(), form.phone(), null, TargetGroup.RESIDENT.name(),
                    form.consent(), null));
            if (!ResidentSession.prove(codes, texts, session, clock, properties.residentSession(), who.phone(), form.code(), model,
                    "/classes/quiz/" + quizId + "/enter", "edu.quiz.enter.submit")) {
                return "education/public/code";
            }
            QuizMaster.Participant p = quizzes.register(quizId, who, Channel.ONLINE);
            remember(session, quizId, p.id());
            return "redirect:/classes/quiz/" + quizId + "/play";
        } catch (DomainException e) {
            model.addAttribute("error", texts.error(e));
            return "education/public/quiz";
        }
    }

    @GetMapping("/play")
    String play(@PathVariable long quizId, Model model, HttpSession session) {
        Long participant = participant(session, quizId);
        if (participant == null) {
            return "redirect:/classes/quiz/" + quizId;
        }
        model.addAttribute("quiz", quizzes.quiz(quizId));
        try {
            model.addAttribute("turn", quizzes.play(quizId, participant));
        } catch (DomainException e) {
            model.addAttribute("error", texts.error(e));
        }
        return "education/public/quiz-play";
    }

    @PostMapping("/answer")
    String answer(@PathVariable long quizId, @RequestParam long questionId, @RequestParam(required = false) String answer,
                  HttpSession session, RedirectAttributes redirect) {
        Long participant = participant(session, quizId);
        if (participant == null) {
            return "redirect:/classes/quiz/" + quizId;
        }
        try {
            QuizMaster.AnswerResult r = quizzes.answer(quizId, participant, questionId, answer);
            redirect.addFlashAttribute(r.onTime() ? "info" : "error", r.message());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", texts.error(e));
        }
        return "redirect:/classes/quiz/" + quizId + "/play";
    }

    @GetMapping("/board")
    String board(@PathVariable long quizId, Model model) {
        model.addAttribute("quiz", quizzes.quiz(quizId));
        model.addAttribute("standings", quizzes.leaderboard(quizId, 20));
        return "education/public/board";
    }

    @GetMapping("/board/rows")
    String boardRows(@PathVariable long quizId, Model model) {
        model.addAttribute("quiz", quizzes.quiz(quizId));
        model.addAttribute("standings", quizzes.leaderboard(quizId, 20));
        return "education/public/board :: rows";
    }

    @SuppressWarnings("unchecked")
    static Long participant(HttpSession session, long quizId) {
        Object m = session.getAttribute(KEY);
        return m instanceof Map<?, ?> map ? (Long) ((Map<Long, Long>) map).get(quizId) : null;
    }

    @SuppressWarnings("unchecked")
    static void remember(HttpSession session, long quizId, long participantId) {
        Object m = session.getAttribute(KEY);
        Map<Long, Long> map = m instanceof Map<?, ?> ? new HashMap<>((Map<Long, Long>) m) : new HashMap<>();
        map.put(quizId, participantId);
        session.setAttribute(KEY, map);
    }
}
