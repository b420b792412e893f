package kr.sotong.newsletter.contribution;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import kr.sotong.newsletter.support.ResidentVerification;
import kr.sotong.platform.OneTimeCodes;
import kr.sotong.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Public form for residents' photos and stories: verify phone/e-mail with a one-time code, then submit. */
@Controller
class ContributionSiteController {

    static final String PURPOSE = "newsletter.contribution";

    private final ContributionService service;
    private final ResidentVerification verification;

    ContributionSiteController(ContributionService service, ResidentVerification verification) {
        this.service = service;
        this.verification = verification;
    }

    @GetMapping("/newsletter/contribute")
    String form(HttpSession session, Model model) {
        var verified = verification.current(PURPOSE, session);
        if (verified.isPresent()) {
            model.addAttribute("step", "form");
            model.addAttribute("verified", verified.get());
            if (!model.containsAttribute("form")) {
                model.addAttribute("form", new ContributionService.ContributionForm(Contribution.THEMES.get(0), "", "", "",
                        "NAME", false, false, false));
            }
        } else if (!model.containsAttribute("step")) {
            model.addAttribute("step", "contact");
        }
        model.addAttribute("themes", Contribution.THEMES);
        model.addAttribute("verifyBase", "/newsletter/contribute");
        return "newsletter/site-contribute";
    }

    @PostMapping("/newsletter/contribute/code")
    String sendCode(@RequestParam String contact, HttpServletRequest request, Model model) {
        try {
            OneTimeCodes.Issued issued = verification.sendCode(PURPOSE, contact, request);
            model.addAttribute("step", "code");
            model.addAttribute("sentTo", issued.maskedDestination());
        } catch (DomainException e) {
            model.addAttribute("step", "contact");
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("contact", contact);
        return form(request.getSession(false), model);
    }

    @PostMapping("/newsletter/contribute/verify")
    String verify(@RequestParam String contact, @RequestParam String code, HttpServletRequest request, Model model) {
        try {
            verification.verify(PURPOSE, contact, code, request);
            return "redirect:/newsletter/contribute";
        } catch (DomainException e) {
            model.addAttribute("step", "code");
            model.addAttribute("error", e.getMessage());
            model.addAttribute("contact", contact);
            return form(request.getSession(false), model);
        }
    }

    @PostMapping("/newsletter/contribute")
    String submit(ContributionService.ContributionForm form,
                  @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
                  HttpServletRequest request, Model model) {
        var verified = verification.current(PURPOSE, request.getSession(false));
        if (verified.isEmpty()) {
            model.addAttribute("error", "본인 확인 시간이 지났습니다. 휴대전화나 이메일로 다시 인증해 주세요.");
            return form(request.getSession(false), model);
        }
        try {
            Contribution c = service.submit(verified.get(), form, photos);
            verification.forget(PURPOSE, request.getSession(false));
            model.addAttribute("receiptNo", c.getReceiptNo());
            model.addAttribute("maskedContact", verified.get().masked());
            return "newsletter/site-contribute-done";
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage() + (photos != null && photos.stream().anyMatch(p -> !p.isEmpty())
                    ? " (보안을 위해 사진은 다시 선택해 주세요.)" : ""));
            model.addAttribute("form", form);
            return form(request.getSession(false), model);
        }
    }
}
