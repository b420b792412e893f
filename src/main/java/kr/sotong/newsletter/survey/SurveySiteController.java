package kr.sotong.newsletter.survey;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import kr.sotong.newsletter.support.ResidentVerification;
import kr.sotong.platform.OneTimeCodes;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.platform.RateLimits;
import kr.sotong.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Public survey pages: list of open surveys, answering once per person (one-time code or device token). */
@Controller
class SurveySiteController {

    static final String DEVICE_COOKIE = "SOTONG_SURVEY_DEVICE";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SurveyService service;
    private final ResidentVerification verification;
    private final PersonalDataCipher cipher;
    private final RateLimits limits;

    SurveySiteController(SurveyService service, ResidentVerification verification, PersonalDataCipher cipher,
                         RateLimits limits) {
        this.service = service;
        this.verification = verification;
        this.cipher = cipher;
        this.limits = limits;
    }

    static String purpose(long surveyId) {
        return "newsletter.survey." + surveyId;
    }

    @GetMapping("/newsletter/surveys")
    String list(Model model) {
        model.addAttribute("surveys", service.open());
        return "newsletter/site-surveys";
    }

    @GetMapping("/newsletter/surveys/{id}")
    String form(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
        Survey s = service.get(id);
        model.addAttribute("survey", s);
        model.addAttribute("verifyBase", "/newsletter/surveys/" + id);
        if (s.getStatus() != Survey.Status.OPEN) {
            model.addAttribute("step", "closed");
            return "newsletter/site-survey";
        }
        Optional<String> who = respondent(s, request, response);
        if (who.isEmpty()) {
            if (!model.containsAttribute("step")) {
                model.addAttribute("step", "contact");
            }
        } else if (service.hasResponded(id, who.get())) {
            model.addAttribute("step", "done-before");
        } else {
            model.addAttribute("step", "form");
        }
        return "newsletter/site-survey";
    }

    /** Keyed hash identifying the respondent, or empty when a one-time code is still needed. */
    private Optional<String> respondent(Survey s, HttpServletRequest request, HttpServletResponse response) {
        if (s.getIdentityMode() == Survey.IdentityMode.DEVICE_TOKEN) {
            String token = deviceToken(request).orElseGet(() -> {
                byte[] b = new byte[24];
                RANDOM.nextBytes(b);
                String t = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
                Cookie c = new Cookie(DEVICE_COOKIE, t);
                c.setHttpOnly(true);
                c.setPath("/newsletter/surveys");
                c.setMaxAge(365 * 24 * 3600);
                c.setAttribute("SameSite", "Lax");
                response.addCookie(c);
                return t;
            });
            return Optional.of(cipher.lookupHash("survey-device|" + token));
        }
        return verification.current(purpose(s.getId()), request.getSession(false))
                .map(v -> cipher.lookupHash("survey-contact|" + v.contact()));
    }

    private static Optional<String> deviceToken(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie c : request.getCookies()) {
            if (DEVICE_COOKIE.equals(c.getName()) && c.getValue() != null && c.getValue().matches("[A-Za-z0-9_-]{32}")) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    @PostMapping("/newsletter/surveys/{id}/code")
    String sendCode(@PathVariable long id, @RequestParam String contact, HttpServletRequest request,
                    HttpServletResponse response, Model model) {
        try {
            OneTimeCodes.Issued issued = verification.sendCode(purpose(id), contact, request);
            model.addAttribute("step", "code");
            model.addAttribute("sentTo", issued.maskedDestination());
        } catch (DomainException e) {
            model.addAttribute("step", "contact");
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("contact", contact);
        return form(id, request, response, model);
    }

    @PostMapping("/newsletter/surveys/{id}/verify")
    String verify(@PathVariable long id, @RequestParam String contact, @RequestParam String code,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            verification.verify(purpose(id), contact, code, request);
            return "redirect:/newsletter/surveys/" + id;
        } catch (DomainException e) {
            model.addAttribute("step", "code");
            model.addAttribute("error", e.getMessage());
            model.addAttribute("contact", contact);
            return form(id, request, response, model);
        }
    }

    @PostMapping("/newsletter/surveys/{id}")
    String submit(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
        Survey s = service.get(id);
        limits.acquire("newsletter.survey", ResidentVerification.clientKey(request), 30, java.time.Duration.ofMinutes(10));
        Optional<String> who = respondent(s, request, response);
        if (who.isEmpty()) {
            model.addAttribute("error", "본인 확인 시간이 지났습니다. 다시 인증해 주세요.");
            return form(id, request, response, model);
        }
        try {
            service.respond(id, who.get(), request.getParameterMap());
            verification.forget(purpose(id), request.getSession(false));
            model.addAttribute("survey", s);
            return "newsletter/site-survey-done";
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("answers", request.getParameterMap());
            return form(id, request, response, model);
        }
    }
}
