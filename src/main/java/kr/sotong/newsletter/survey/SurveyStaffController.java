package kr.sotong.newsletter.survey;

import java.nio.charset.StandardCharsets;
import kr.sotong.newsletter.support.Flash;
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

/** 만족도 조사: builder, open/close, results with charts, XLSX. */
@Controller
@RequestMapping("/staff/newsletter/surveys")
@PreAuthorize("hasAnyRole('PR_MEDIA','ADMIN','DIRECTOR','VIEWER')")
class SurveyStaffController {

    private static final String WRITE = "hasAnyRole('PR_MEDIA','ADMIN')";

    private final SurveyService service;

    SurveyStaffController(SurveyService service) {
        this.service = service;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("surveys", service.all());
        return "newsletter/staff-surveys";
    }

    @PostMapping
    @PreAuthorize(WRITE)
    String create(@RequestParam(required = false) String title, @RequestParam(required = false) String description,
                  @RequestParam(required = false) String identityMode, Model model, RedirectAttributes redirect) {
        try {
            Survey s = service.create(title, description, identityMode);
            redirect.addFlashAttribute("info", "조사를 만들었습니다. 문항을 추가하세요.");
            return "redirect:/staff/newsletter/surveys/" + s.getId();
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            return list(model);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("survey", service.get(id));
        model.addAttribute("results", service.results(id));
        model.addAttribute("kinds", SurveyQuestion.Kind.values());
        return "newsletter/staff-survey";
    }

    @PostMapping("/{id}/questions")
    @PreAuthorize(WRITE)
    String addQuestion(@PathVariable long id, @RequestParam(required = false) String kind,
                       @RequestParam(required = false) String text, @RequestParam(defaultValue = "false") boolean required,
                       @RequestParam(required = false) String options, @RequestParam(required = false) Integer scaleMax,
                       RedirectAttributes redirect) {
        return Flash.run(redirect, "/staff/newsletter/surveys/" + id, "문항을 추가했습니다.",
                () -> service.addQuestion(id, kind, text, required, options, scaleMax));
    }

    @PostMapping("/{id}/questions/{index}/delete")
    @PreAuthorize(WRITE)
    String removeQuestion(@PathVariable long id, @PathVariable int index, RedirectAttributes redirect) {
        return Flash.run(redirect, "/staff/newsletter/surveys/" + id, "문항을 삭제했습니다.",
                () -> service.removeQuestion(id, index));
    }

    @PostMapping("/{id}/open")
    @PreAuthorize(WRITE)
    String open(@PathVariable long id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/staff/newsletter/surveys/" + id, "조사를 시작했습니다. 홈페이지에서 응답을 받습니다.",
                () -> service.openSurvey(id));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(WRITE)
    String close(@PathVariable long id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/staff/newsletter/surveys/" + id, "조사를 마감했습니다.", () -> service.closeSurvey(id));
    }

    @GetMapping("/{id}/results.xlsx")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("만족도조사-" + id + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(service.exportXlsx(id));
    }
}
