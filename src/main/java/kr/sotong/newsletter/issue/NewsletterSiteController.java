package kr.sotong.newsletter.issue;

import kr.sotong.newsletter.EBook;
import kr.sotong.newsletter.EBookLibrary;
import kr.sotong.newsletter.ebook.EBookViewer;
import kr.sotong.newsletter.support.FileResponses;
import kr.sotong.platform.FileStore;
import kr.sotong.shared.DomainException;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Residents' pages of 금천향기: issue list, issue with e-book viewer, audio edition, articles. */
@Controller
class NewsletterSiteController {

    private final IssueService service;
    private final EBookLibrary ebooks;
    private final EBookViewer viewer;
    private final FileStore files;

    NewsletterSiteController(IssueService service, EBookLibrary ebooks, EBookViewer viewer, FileStore files) {
        this.service = service;
        this.ebooks = ebooks;
        this.viewer = viewer;
        this.files = files;
    }

    @GetMapping("/newsletter")
    String list(Model model) {
        model.addAttribute("issues", service.published());
        return "newsletter/site-list";
    }

    @GetMapping("/newsletter/{ym:\\d{4}-\\d{2}}")
    String issue(@PathVariable String ym, @RequestParam(required = false) Integer page, Model model) {
        NewsletterIssue issue = service.publishedIssue(ym);
        EBook book = ebooks.find(issue.getEbookId()).orElseThrow(() -> DomainException.notFound("전자책", ym));
        model.addAttribute("issue", issue);
        model.addAttribute("sections", service.sections(issue.getId()));
        model.addAttribute("viewer", viewer.model(book, page, issue.publicUrl()));
        return "newsletter/site-issue";
    }

    @GetMapping("/newsletter/{ym:\\d{4}-\\d{2}}/audio")
    String audio(@PathVariable String ym, Model model) {
        NewsletterIssue issue = service.publishedIssue(ym);
        model.addAttribute("issue", issue);
        model.addAttribute("sections", service.sections(issue.getId()));
        return "newsletter/site-audio";
    }

    @GetMapping("/newsletter/{ym:\\d{4}-\\d{2}}/articles/{id}")
    String article(@PathVariable String ym, @PathVariable long id, Model model) {
        NewsletterIssue issue = service.publishedIssue(ym);
        Article article = service.article(id);
        if (!article.getIssueId().equals(issue.getId())) {
            throw DomainException.notFound("기사", id);
        }
        model.addAttribute("issue", issue);
        model.addAttribute("article", article);
        return "newsletter/site-article";
    }

    @GetMapping("/newsletter/articles/{id}/audio")
    ResponseEntity<Resource> audioFile(@PathVariable long id) {
        Article article = service.article(id);
        NewsletterIssue issue = service.get(article.getIssueId());
        if (!issue.isPublished() || !article.hasAudio()) {
            throw DomainException.notFound("음성", id);
        }
        return FileResponses.immutable(files, article.getAudioSha256(), article.getAudioMediaType());
    }

    @GetMapping("/newsletter/{ym:\\d{4}-\\d{2}}/cover")
    ResponseEntity<Resource> cover(@PathVariable String ym) {
        NewsletterIssue issue = service.publishedIssue(ym);
        if (issue.getCoverSha256() != null) {
            return FileResponses.immutable(files, issue.getCoverSha256(), issue.getCoverMediaType());
        }
        EBook book = ebooks.find(issue.getEbookId()).orElseThrow();
        return FileResponses.immutable(files, book.coverSha256(), "image/png");
    }
}
