package kr.sotong.newsletter.contribution;

import kr.sotong.newsletter.issue.IssueService;
import kr.sotong.newsletter.support.FileResponses;
import kr.sotong.newsletter.support.Flash;
import kr.sotong.platform.FileStore;
import kr.sotong.shared.DomainException;
import org.springframework.core.io.Resource;
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

/** Moderation queue of reader contributions (personal data masked, every view logged). */
@Controller
@RequestMapping("/staff/newsletter/contributions")
@PreAuthorize("hasAnyRole('PR_MEDIA','ADMIN','DIRECTOR')")
class ContributionStaffController {

    private final ContributionService service;
    private final IssueService issues;
    private final FileStore files;

    ContributionStaffController(ContributionService service, IssueService issues, FileStore files) {
        this.service = service;
        this.issues = issues;
        this.files = files;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long issue, Model model) {
        model.addAttribute("queue", service.queue());
        model.addAttribute("recent", issue == null ? service.recent() : service.forIssue(issue));
        model.addAttribute("issueFilter", issue == null ? null : issues.get(issue));
        return "newsletter/staff-contributions";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("review", service.review(id));
        model.addAttribute("issues", issues.all());
        return "newsletter/staff-contribution";
    }

    @PostMapping("/{id}/reveal")
    @PreAuthorize("hasAnyRole('PR_MEDIA','ADMIN')")
    String reveal(@PathVariable long id, @RequestParam(required = false) String purpose, Model model) {
        try {
            String[] data = service.reveal(id, purpose);
            model.addAttribute("revealedName", data[0]);
            model.addAttribute("revealedContact", data[1]);
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
        }
        return detail(id, model);
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasAnyRole('PR_MEDIA','ADMIN')")
    String accept(@PathVariable long id, @RequestParam(required = false) Long issueId,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return Flash.run(redirect, "/staff/newsletter/contributions/" + id, "채택하고 참여자에게 알렸습니다.",
                () -> service.accept(id, issueId, note));
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasAnyRole('PR_MEDIA','ADMIN')")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return Flash.run(redirect, "/staff/newsletter/contributions/" + id, "반려하고 참여자에게 알렸습니다.",
                () -> service.reject(id, reason));
    }

    @GetMapping("/{id}/photos/{index}")
    ResponseEntity<Resource> photo(@PathVariable long id, @PathVariable int index) {
        ContributionPhoto p = service.photo(id, index);
        return FileResponses.privateFile(files, p.sha256(), p.mediaType());
    }
}
