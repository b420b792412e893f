package kr.sotong.newsletter.issue;

import java.nio.charset.StandardCharsets;
import kr.sotong.newsletter.audio.QrCodes;
import kr.sotong.newsletter.audio.TtsEngines;
import kr.sotong.newsletter.support.Flash;
import kr.sotong.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 홍보미디어팀: issues, articles, print PDF, cover, audio edition and QR codes. */
@Controller
@RequestMapping("/staff/newsletter")
@PreAuthorize("hasAnyRole('PR_MEDIA','ADMIN','DIRECTOR','VIEWER')")
class IssueStaffController {

    static final String WRITE = "hasAnyRole('PR_MEDIA','ADMIN')";

    private final IssueService service;
    private final TtsEngines tts;
    private final String baseUrl;
    private final kr.sotong.platform.FileStore files;

    IssueStaffController(IssueService service, TtsEngines tts, @Value("${sotong.base-url}") String baseUrl,
                         kr.sotong.platform.FileStore files) {
        this.files = files;
        this.service = service;
        this.tts = tts;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @GetMapping("/issues")
    String list(Model model) {
        model.addAttribute("issues", service.all());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new IssueService.IssueForm(null, "", "금천향기", 32, false, ""));
        }
        return "newsletter/staff-issues";
    }

    @PostMapping("/issues")
    @PreAuthorize(WRITE)
    String create(IssueService.IssueForm form, Model model, RedirectAttributes redirect) {
        try {
            NewsletterIssue issue = service.create(form);
            redirect.addFlashAttribute("info", "제" + issue.getNumber() + "호를 등록했습니다.");
            return "redirect:/staff/newsletter/issues/" + issue.getId();
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", form);
            return list(model);
        }
    }

    @GetMapping("/issues/{id}")
    String detail(@PathVariable long id, Model model) {
        NewsletterIssue issue = service.get(id);
        model.addAttribute("issue", issue);
        model.addAttribute("articles", service.articles(id));
        model.addAttribute("tts", tts.active().availability());
        model.addAttribute("ttsName", tts.active().name());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new IssueService.IssueForm(issue.getNumber(), issue.getYearMonth(), issue.getTitle(),
                    issue.getPageCount(), issue.isSpecial(), issue.getNote()));
        }
        model.addAttribute("qrTargets", qrTargets(issue));
        return "newsletter/staff-issue";
    }

    record QrTarget(String key, String label, String url) {
    }

    private java.util.List<QrTarget> qrTargets(NewsletterIssue issue) {
        java.util.List<QrTarget> list = new java.util.ArrayList<>();
        list.add(new QrTarget("ebook", "전자책(" + issue.monthLabel() + ")", baseUrl + issue.publicUrl()));
        list.add(new QrTarget("audio", "읽어주는 소식지(" + issue.monthLabel() + ")", baseUrl + issue.publicUrl() + "/audio"));
        for (Article a : service.articles(issue.getId())) {
            list.add(new QrTarget("article-" + a.getId(), "기사: " + a.getTitle(),
                    baseUrl + issue.publicUrl() + "/articles/" + a.getId()));
        }
        return list;
    }

    @PostMapping("/issues/{id}")
    @PreAuthorize(WRITE)
    String update(@PathVariable long id, IssueService.IssueForm form, RedirectAttributes redirect) {
        try {
            service.update(id, form);
            redirect.addFlashAttribute("info", "저장했습니다.");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/staff/newsletter/issues/" + id;
    }

    @PostMapping("/issues/{id}/pdf")
    @PreAuthorize(WRITE)
    String pdf(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        return Flash.run(redirect, "/staff/newsletter/issues/" + id, "인쇄용 PDF를 전자책으로 만들었습니다.",
                () -> service.uploadPdf(id, file).map(w -> "인쇄용 PDF를 전자책으로 만들었습니다. 주의: " + w).orElse(null));
    }

    @PostMapping("/issues/{id}/cover")
    @PreAuthorize(WRITE)
    String cover(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        return Flash.run(redirect, "/staff/newsletter/issues/" + id, "표지를 등록했습니다.", () -> service.uploadCover(id, file));
    }

    @PostMapping("/issues/{id}/publish")
    @PreAuthorize(WRITE)
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/staff/newsletter/issues/" + id, "홈페이지(/newsletter)에 공개했습니다.",
                () -> service.publish(id));
    }

    @PostMapping("/issues/{id}/withdraw")
    @PreAuthorize(WRITE)
    String withdraw(@PathVariable long id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/staff/newsletter/issues/" + id, "공개를 취소했습니다.", () -> service.withdraw(id));
    }

    @PostMapping("/issues/{id}/articles")
    @PreAuthorize(WRITE)
    String addArticle(@PathVariable long id, IssueService.ArticleForm form, RedirectAttributes redirect) {
        return Flash.run(redirect, "/staff/newsletter/issues/" + id, "기사를 추가했습니다.", () -> service.addArticle(id, form));
    }

    @GetMapping("/articles/{articleId}")
    String article(@PathVariable long articleId, Model model) {
        Article a = service.article(articleId);
        model.addAttribute("article", a);
        model.addAttribute("issue", service.get(a.getIssueId()));
        model.addAttribute("tts", tts.active().availability());
        model.addAttribute("ttsName", tts.active().name());
        return "newsletter/staff-article";
    }

    @PostMapping("/articles/{articleId}")
    @PreAuthorize(WRITE)
    String updateArticle(@PathVariable long articleId, IssueService.ArticleForm form, RedirectAttributes redirect) {
        return Flash.run(redirect, "/staff/newsletter/articles/" + articleId, "기사를 저장했습니다.",
                () -> service.updateArticle(articleId, form));
    }

    @PostMapping("/articles/{articleId}/delete")
    @PreAuthorize(WRITE)
    String deleteArticle(@PathVariable long articleId, RedirectAttributes redirect) {
        long issueId = service.article(articleId).getIssueId();
        return Flash.run(redirect, "/staff/newsletter/issues/" + issueId, "기사를 삭제했습니다.",
                () -> service.deleteArticle(articleId));
    }

    @PostMapping("/articles/{articleId}/audio/generate")
    @PreAuthorize(WRITE)
    String generate(@PathVariable long articleId, RedirectAttributes redirect) {
        return Flash.run(redirect, "/staff/newsletter/articles/" + articleId, null,
                () -> "음성을 만들었습니다(" + service.generateAudio(articleId) + ").");
    }

    @PostMapping("/articles/{articleId}/audio")
    @PreAuthorize(WRITE)
    String uploadAudio(@PathVariable long articleId, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        return Flash.run(redirect, "/staff/newsletter/articles/" + articleId, "녹음 파일을 등록했습니다.",
                () -> service.uploadAudio(articleId, file));
    }

    @GetMapping("/articles/{articleId}/audio-file")
    ResponseEntity<org.springframework.core.io.Resource> audioFile(@PathVariable long articleId) {
        Article a = service.article(articleId);
        if (!a.hasAudio()) {
            throw DomainException.notFound("음성", articleId);
        }
        return kr.sotong.newsletter.support.FileResponses.privateFile(files, a.getAudioSha256(), a.getAudioMediaType());
    }

    @PostMapping("/articles/{articleId}/audio/delete")
    @PreAuthorize(WRITE)
    String removeAudio(@PathVariable long articleId, RedirectAttributes redirect) {
        return Flash.run(redirect, "/staff/newsletter/articles/" + articleId, "음성을 삭제했습니다.",
                () -> service.removeAudio(articleId));
    }

    @GetMapping("/issues/{id}/qr/{target}.png")
    ResponseEntity<byte[]> qrPng(@PathVariable long id, @PathVariable String target,
                                 @RequestParam(defaultValue = "600") int size) {
        QrTarget t = target(id, target);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(id, target, "png"))
                .body(QrCodes.png(t.url(), size));
    }

    @GetMapping("/issues/{id}/qr/{target}.svg")
    ResponseEntity<byte[]> qrSvg(@PathVariable long id, @PathVariable String target) {
        QrTarget t = target(id, target);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("image/svg+xml"))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(id, target, "svg"))
                .body(QrCodes.svg(t.url(), "QR: " + t.label() + " — " + t.url()).getBytes(StandardCharsets.UTF_8));
    }

    private QrTarget target(long id, String key) {
        return qrTargets(service.get(id)).stream().filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> DomainException.notFound("QR 대상", key));
    }

    private String disposition(long id, String target, String ext) {
        NewsletterIssue issue = service.get(id);
        return ContentDisposition.attachment().filename("qr-" + issue.getYearMonth() + "-" + target + "." + ext,
                StandardCharsets.UTF_8).build().toString();
    }
}
