package kr.sotong.education.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.List;
import kr.sotong.education.catalogue.EducationProperties;
import kr.sotong.education.catalogue.KioskHours;
import kr.sotong.education.catalogue.TargetGroup;
import kr.sotong.education.catalogue.Venues;
import kr.sotong.education.registration.Applicant;
import kr.sotong.education.registration.Channel;
import kr.sotong.education.registration.CourseBoard;
import kr.sotong.education.registration.Outcome;
import kr.sotong.education.registration.Registrar;
import kr.sotong.platform.OneTimeCodes;
import kr.sotong.platform.RateLimits;
import kr.sotong.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /classes}: the residents' pages for older people — list, course, and a two-step registration (who you are,
 * then the code from the text message). Large type, plain words, works by keyboard and at 200 % zoom.
 */
@Controller
@RequestMapping("/classes")
class ClassesController {

    static final String OTP_PURPOSE = "education";

    private final CourseBoard board;
    private final Registrar registrar;
    private final Venues venues;
    private final KioskHours kioskHours;
    private final OneTimeCodes codes;
    private final RateLimits limits;
    private final EducationProperties properties;
    private final Texts texts;
    private final Clock clock;

    ClassesController(CourseBoard board, Registrar registrar, Venues venues, KioskHours kioskHours, OneTimeCodes codes,
                      RateLimits limits, EducationProperties properties, Texts texts, Clock clock) {
        this.board = board;
        this.registrar = registrar;
        this.venues = venues;
        this.kioskHours = kioskHours;
        this.codes = codes;
        this.limits = limits;
        this.properties = properties;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String category, Model model) {
        List<CourseBoard.Card> cards = board.publicList();
        model.addAttribute("categories", venues.categories().stream()
                .filter(c -> cards.stream().anyMatch(x -> x.course().categoryCode().equals(c.code()))).toList());
        model.addAttribute("category", category);
        model.addAttribute("cards", category == null || category.isBlank() ? cards
                : cards.stream().filter(c -> c.course().categoryCode().equals(category)).toList());
        return "education/public/list";
    }

    @GetMapping("/{id}")
    String course(@PathVariable long id, Model model) {
        CourseBoard.Card card = publicCard(id);
        model.addAttribute("card", card);
        model.addAttribute("groups", TargetGroup.values());
        if (card.course().drawnAt() != null) {
            model.addAttribute("draw", board.drawResults(id));
        }
        return "education/public/course";
    }

    @GetMapping("/{id}/apply")
    String applyForm(@PathVariable long id, Model model, HttpSession session) {
        model.addAttribute("card", publicCard(id));
        model.addAttribute("form", ApplyForm.empty());
        model.addAttribute("groups", TargetGroup.values());
        model.addAttribute("verifiedPhone", ResidentSession.phone(session, clock).map(p -> p.masked()).orElse(null));
        return "education/public/apply";
    }

    /** Step 1: checks the details, then sends the code (or registers at once when this phone was verified recently). */
    @PostMapping("/{id}/apply")
    String apply(@PathVariable long id, @ModelAttribute("form") ApplyForm form, Model model, HttpServletRequest request,
                 HttpSession session, RedirectAttributes redirect) {
        CourseBoard.Card card = publicCard(id);
        model.addAttribute("card", card);
        model.addAttribute("groups", TargetGroup.values());
        try {
            limits.acquire("edu.apply", request.getRemoteAddr(), properties.applyPerIp(), properties.applyWindow());
            Applicant applicant = applicant(form);
            card.course().ensureRegistrationPossible(clock.instant(), false);
            card.course().ensureTargetGroup(applicant.group());
            if (ResidentSession.verified(session, applicant.phone(), clock)) {
                return registered(registrar.register(id, applicant, Channel.ONLINE), redirect);
            }
            OneTimeCodes.Issued issued = codes.issue(OTP_PURPOSE, applicant.phone().digits());
            model.addAttribute("sentTo", issued.maskedDestination());
            return "education/public/apply-code";
        } catch (DomainException e) {
            model.addAttribute("error", texts.error(e));
            return "education/public/apply";
        }
    }

    /** Step 2: the code from the text message; registers. */
    @PostMapping("/{id}/apply/confirm")
    String confirm(@PathVariable long id, @ModelAttribute("form") ApplyForm form, Model model, HttpSession session,
                   RedirectAttributes redirect) {
        CourseBoard.Card card = publicCard(id);
        model.addAttribute("card", card);
        model.addAttribute("groups", TargetGroup.values());
        Applicant applicant;
        try {
            applicant = applicant(form);
        } catch (DomainException e) {
            model.addAttribute("error", texts.error(e));
            return "education/public/apply";
        }
        try {
            codes.verify(OTP_PURPOSE, applicant.phone().digits(), form.code());
        } catch (DomainException e) {
            model.addAttribute("error", texts.error(e));
            model.addAttribute("sentTo", applicant.phone().masked());
            return "education/public/apply-code";
        }
        ResidentSession.remember(session, applicant.phone(), clock, properties.residentSession());
        try {
            return registered(registrar.register(id, applicant, Channel.ONLINE), redirect);
        } catch (DomainException e) {
            model.addAttribute("error", texts.error(e));
            return "education/public/apply";
        }
    }

    private String registered(Outcome outcome, RedirectAttributes redirect) {
        redirect.addFlashAttribute("outcome", outcome);
        return "redirect:/classes/" + outcome.courseId() + "/result";
    }

    @GetMapping("/{id}/result")
    String result(@PathVariable long id, Model model) {
        if (!model.containsAttribute("outcome")) {
            return "redirect:/classes/my";
        }
        model.addAttribute("card", board.card(id));
        return "education/public/result";
    }

    @GetMapping("/kiosk")
    String kiosk(Model model) {
        model.addAttribute("hours", kioskHours.all());
        model.addAttribute("cards", board.publicList().stream()
                .filter(c -> c.course().kind() == kr.sotong.education.catalogue.CourseKind.KIOSK_PRACTICE
                        || c.course().categoryCode().equals("KIOSK")).toList());
        return "education/public/kiosk";
    }

    static Applicant applicant(ApplyForm form) {
        if (!Boolean.TRUE.equals(form.consent())) {
            throw new DomainException("edu.consent", "개인정보 수집·이용에 동의해야 신청할 수 있습니다.");
        }
        return Applicant.of(form.name(), form.phone(), form.email(), TargetGroup.parse(form.group()), true);
    }

    private CourseBoard.Card publicCard(long id) {
        CourseBoard.Card card = board.card(id);
        if (card.course().status() == kr.sotong.education.catalogue.CourseStatus.DRAFT) {
            throw DomainException.notFound("교육 과정", id);
        }
        return card;
    }
}
