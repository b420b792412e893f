package kr.sotong.education.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import kr.sotong.education.attendance.Certificates;
import kr.sotong.education.catalogue.EducationProperties;
import kr.sotong.education.counselling.CounsellingDesk;
import kr.sotong.education.registration.Outcome;
import kr.sotong.education.registration.Registrar;
import kr.sotong.education.registration.Rosters;
import kr.sotong.education.survey.Surveys;
import kr.sotong.platform.OneTimeCodes;
import kr.sotong.platform.RateLimits;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.PhoneNumber;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A resident's own registrations and bookings (after a one-time code), seat claims, certificates, surveys. */
@Controller
@RequestMapping("/classes")
class MyClassesController {

    private final Rosters rosters;
    private final Registrar registrar;
    private final CounsellingDesk desk;
    private final Certificates certificates;
    private final Surveys surveys;
    private final OneTimeCodes codes;
    private final RateLimits limits;
    private final EducationProperties properties;
    private final Texts texts;
    private final Clock clock;

    MyClassesController(Rosters rosters, Registrar registrar, CounsellingDesk desk, Certificates certificates, Surveys surveys,
                        OneTimeCodes codes, RateLimits limits, EducationProperties properties, Texts texts, Clock clock) {
        this.rosters = rosters;
        this.registrar = registrar;
        this.desk = desk;
        this.certificates = certificates;
        this.surveys = surveys;
        this.codes = codes;
        this.limits = limits;
        this.properties = properties;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/my")
    String my(Model model, HttpSession session) {
        var phone = ResidentSession.phone(session, clock);
        if (phone.isEmpty()) {
            return "education/public/my-login";
        }
        model.addAttribute("phone", phone.get().masked());
        model.addAttribute("registrations", rosters.mine(phone.get()));
        model.addAttribute("bookings", desk.mine(phone.get()));
        return "education/public/my";
    }

    @PostMapping("/my/code")
    String sendCode(@RequestParam(required = false) String phone, Model model, HttpServletRequest request) {
        model.addAttribute("phoneInput", phone);
        try {
            limits.acquire("edu.my", request.getRemoteAddr(), properties.applyPerIp(), properties.applyWindow());
            PhoneNumber p = PhoneNumber.parse(phone);
            model.addAttribute("sentTo", codes.issue(ClassesController.OTP_PURPOSE, p.digits()).maskedDestination());
            model.addAttribute("phoneInput", p.formatted());
        } catch (DomainException e) {
            model.addAttribute("error", texts.error(e));
        }
        return "education/public/my-login";
    }

    @PostMapping("/my/verify")
    String verify(@RequestParam(required = false) String phone, @RequestParam(required = false) String code, Model model,
                  HttpSession session) {
        try {
            PhoneNumber p = PhoneNumber.parse(phone);
            codes.verify(ClassesController.OTP_PURPOSE, p.digits(), code);
            ResidentSession.remember(session, p, clock, properties.residentSession());
            return "redirect:/classes/my";
        } catch (DomainException e) {
            model.addAttribute("error", texts.error(e));
            model.addAttribute("phoneInput", phone);
            model.addAttribute("sentTo", PhoneNumber.tryParseOptional(phone).map(PhoneNumber::masked).orElse(null));
            return "education/public/my-login";
        }
    }

    @PostMapping("/my/forget")
    String forget(HttpSession session, RedirectAttributes redirect) {
        ResidentSession.forget(session);
        redirect.addFlashAttribute("info", texts.text("edu.my.forgotten"));
        return "redirect:/classes";
    }

    @PostMapping("/my/registrations/{registrationId}/cancel")
    String cancel(@PathVariable long registrationId, HttpSession session, RedirectAttributes redirect) {
        PhoneNumber phone = requireVerified(session);
        if (!rosters.belongsTo(registrationId, phone)) {
            throw DomainException.forbidden("본인의 신청만 취소할 수 있습니다.");
        }
        try {
            Outcome o = registrar.cancel(registrationId, "본인 취소", "resident:" + phone.masked());
            redirect.addFlashAttribute("info", texts.text("edu.my.cancelled", o.courseTitle()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", texts.error(e));
        }
        return "redirect:/classes/my";
    }

    @PostMapping("/my/counselling/{slotId}/cancel")
    String cancelBooking(@PathVariable long slotId, HttpSession session, RedirectAttributes redirect) {
        PhoneNumber phone = requireVerified(session);
        if (desk.mine(phone).stream().noneMatch(s -> s.id() == slotId)) {
            throw DomainException.forbidden("본인의 예약만 취소할 수 있습니다.");
        }
        try {
            desk.cancelBooking(slotId, "resident:" + phone.masked());
            redirect.addFlashAttribute("info", texts.text("edu.my.booking-cancelled"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", texts.error(e));
        }
        return "redirect:/classes/my";
    }

    @GetMapping("/my/registrations/{registrationId}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable long registrationId, HttpSession session) {
        PhoneNumber phone = requireVerified(session);
        if (!rosters.belongsTo(registrationId, phone)) {
            throw DomainException.forbidden("본인의 수료증만 내려받을 수 있습니다.");
        }
        byte[] pdf = certificates.pdf(registrationId, "수료자 본인 내려받기");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("수료증-" + registrationId + ".pdf", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }

    private PhoneNumber requireVerified(HttpSession session) {
        return ResidentSession.phone(session, clock)
                .orElseThrow(() -> DomainException.unauthenticated("휴대전화 인증이 끝났습니다. '내 신청 확인'에서 다시 인증해 주세요."));
    }

    // claim an offered seat ------------------------------------------------------------------------------------

    @GetMapping("/claim/{token}")
    String claimPage(@PathVariable String token, Model model) {
        Outcome o = registrar.claimInfo(token).orElseThrow(() -> DomainException.notFound("자리 확정 링크", "(확인할 수 없음)"));
        model.addAttribute("offer", o);
        model.addAttribute("token", token);
        model.addAttribute("now", clock.instant());
        return "education/public/claim";
    }

    @PostMapping("/claim/{token}")
    String claim(@PathVariable String token, @RequestParam(defaultValue = "confirm") String action, Model model) {
        Outcome info = registrar.claimInfo(token).orElseThrow(() -> DomainException.notFound("자리 확정 링크", "(확인할 수 없음)"));
        if ("decline".equals(action)) {
            try {
                registrar.cancel(info.registrationId(), "대기자 자리 포기", "resident");
                model.addAttribute("declined", true);
            } catch (DomainException e) {
                model.addAttribute("error", texts.error(e));
            }
            model.addAttribute("offer", registrar.claimInfo(token).orElse(info));
            return "education/public/claimed";
        }
        Registrar.Claim claim = registrar.claim(token);
        model.addAttribute("claim", claim);
        model.addAttribute("offer", claim.outcome());
        return "education/public/claimed";
    }

    // certificates ----------------------------------------------------------------------------------------------

    @GetMapping("/certificates/verify")
    String verifyCertificate(@RequestParam(required = false) String code, Model model, HttpServletRequest request) {
        model.addAttribute("code", code);
        if (code != null && !code.isBlank()) {
            try {
                limits.acquire("edu.verify", request.getRemoteAddr(), 60, java.time.Duration.ofMinutes(10));
                model.addAttribute("checked", true);
                certificates.verify(code).ifPresent(c -> model.addAttribute("certificate", c));
            } catch (DomainException e) {
                model.addAttribute("error", texts.error(e));
            }
        }
        return "education/public/verify";
    }

    // surveys ---------------------------------------------------------------------------------------------------

    @GetMapping("/survey/{token}")
    String survey(@PathVariable String token, Model model) {
        Surveys.Invitation inv = surveys.invitation(token).orElseThrow(() -> DomainException.notFound("만족도 조사 링크", "(확인할 수 없음)"));
        model.addAttribute("invitation", inv);
        model.addAttribute("token", token);
        return "education/public/survey";
    }

    @PostMapping("/survey/{token}")
    String answerSurvey(@PathVariable String token, @RequestParam(required = false) Integer overall,
                        @RequestParam(required = false) Integer instructor, @RequestParam(required = false) Integer content,
                        @RequestParam(required = false) Integer venue, @RequestParam(required = false) Boolean recommend,
                        @RequestParam(required = false) String comment, Model model) {
        Surveys.Invitation inv = surveys.invitation(token).orElseThrow(() -> DomainException.notFound("만족도 조사 링크", "(확인할 수 없음)"));
        try {
            surveys.submit(token, new Surveys.Answers(overall, instructor, content, venue, recommend, comment));
            model.addAttribute("thanks", true);
        } catch (DomainException e) {
            model.addAttribute("error", texts.error(e));
            model.addAttribute("answers", new Surveys.Answers(overall, instructor, content, venue, recommend, comment));
        }
        model.addAttribute("invitation", surveys.invitation(token).orElse(inv));
        model.addAttribute("token", token);
        return "education/public/survey";
    }
}
