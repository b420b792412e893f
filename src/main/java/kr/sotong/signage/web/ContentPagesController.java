package kr.sotong.signage.web;

import java.io.IOException;
import java.io.InputStream;
import kr.sotong.platform.FileStore;
import kr.sotong.shared.DomainException;
import kr.sotong.signage.config.SignageAccess;
import kr.sotong.signage.content.ContentItem;
import kr.sotong.signage.content.ContentKind;
import kr.sotong.signage.content.ContentLibrary;
import kr.sotong.signage.content.ContentStatus;
import kr.sotong.signage.schedule.Programming;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
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

/** Staff pages of the content library: uploads, notices, tickers, approval. */
@Controller
@RequestMapping("/staff/signage/content")
@PreAuthorize(SignageAccess.READ)
class ContentPagesController {

    private final ContentLibrary library;
    private final Programming programming;
    private final FileStore files;

    ContentPagesController(ContentLibrary library, Programming programming, FileStore files) {
        this.library = library;
        this.programming = programming;
        this.files = files;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String q, Model model) {
        ContentStatus s = Forms.optionalChoice(ContentStatus.class, status);
        ContentKind k = Forms.optionalChoice(ContentKind.class, kind);
        model.addAttribute("items", library.list(s, k, q));
        model.addAttribute("status", s);
        model.addAttribute("kind", k);
        model.addAttribute("q", q);
        model.addAttribute("statuses", ContentStatus.values());
        model.addAttribute("kinds", ContentKind.values());
        model.addAttribute("pending", library.pendingCount());
        return "signage/content-list";
    }

    @PostMapping("/upload")
    @PreAuthorize(SignageAccess.EDIT)
    String upload(@RequestParam(value = "file", required = false) MultipartFile file,
                  @RequestParam(defaultValue = "") String title, @RequestParam(required = false) String validFrom,
                  @RequestParam(required = false) String validUntil, RedirectAttributes flash) {
        try {
            if (file == null || file.isEmpty()) {
                throw new DomainException("signage.content.file-required", "올릴 파일을 고르세요.");
            }
            ContentItem c;
            try (InputStream in = file.getInputStream()) {
                c = library.upload(in, file.getOriginalFilename(), title.isBlank() ? file.getOriginalFilename() : title,
                        Forms.date(validFrom, "게시 시작일"), Forms.date(validUntil, "게시 종료일"));
            }
            flash.addFlashAttribute("info", "'" + c.title() + "'을(를) 올렸습니다(" + c.kind().label() + ", "
                    + c.width() + "×" + c.height() + "). 승인 후 송출됩니다." + (c.checkNote().isEmpty() ? "" : " " + c.checkNote()));
            return "redirect:/staff/signage/content/" + c.id();
        } catch (DomainException e) {
            flash.addFlashAttribute("error", "올리지 못했습니다: " + e.getMessage());
        } catch (IOException e) {
            flash.addFlashAttribute("error", "파일을 받는 중 전송이 끊겼습니다. 다시 올려 주세요.");
        }
        return "redirect:/staff/signage/content";
    }

    @PostMapping("/notice")
    @PreAuthorize(SignageAccess.EDIT)
    String notice(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body,
                  @RequestParam(required = false) String link, @RequestParam(required = false) String validFrom,
                  @RequestParam(required = false) String validUntil, RedirectAttributes flash) {
        try {
            ContentItem c = library.createNotice(title, body, link, Forms.date(validFrom, "게시 시작일"),
                    Forms.date(validUntil, "게시 종료일"));
            flash.addFlashAttribute("info", "공지 '" + c.title() + "'을(를) 만들었습니다. 승인 후 송출됩니다.");
            return "redirect:/staff/signage/content/" + c.id();
        } catch (DomainException e) {
            flash.addFlashAttribute("error", "공지를 만들지 못했습니다: " + e.getMessage());
            flash.addFlashAttribute("noticeTitle", title);
            flash.addFlashAttribute("noticeBody", body);
            flash.addFlashAttribute("noticeLink", link);
            return "redirect:/staff/signage/content";
        }
    }

    @PostMapping("/ticker")
    @PreAuthorize(SignageAccess.EDIT)
    String ticker(@RequestParam(defaultValue = "") String text, @RequestParam(required = false) String validFrom,
                  @RequestParam(required = false) String validUntil, RedirectAttributes flash) {
        try {
            ContentItem c = library.createTicker(text, Forms.date(validFrom, "게시 시작일"), Forms.date(validUntil, "게시 종료일"));
            flash.addFlashAttribute("info", "자막을 만들었습니다. 승인 후 송출됩니다.");
            return "redirect:/staff/signage/content/" + c.id();
        } catch (DomainException e) {
            flash.addFlashAttribute("error", "자막을 만들지 못했습니다: " + e.getMessage());
            flash.addFlashAttribute("tickerText", text);
            return "redirect:/staff/signage/content";
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("item", library.get(id));
        model.addAttribute("usedIn", programming.playlistNamesContaining(id));
        return "signage/content";
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize(SignageAccess.APPROVE)
    String approve(@PathVariable long id, RedirectAttributes flash) {
        return act(id, flash, () -> library.approve(id), "송출을 승인했습니다.");
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize(SignageAccess.APPROVE)
    String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        return act(id, flash, () -> library.reject(id, reason), "반려했습니다.");
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize(SignageAccess.APPROVE)
    String withdraw(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        return act(id, flash, () -> library.withdraw(id, reason), "송출을 중지했습니다. 화면에서 곧 빠집니다.");
    }

    @PostMapping("/{id}/validity")
    @PreAuthorize(SignageAccess.EDIT)
    String validity(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                    @RequestParam(required = false) String validFrom, @RequestParam(required = false) String validUntil,
                    RedirectAttributes flash) {
        return act(id, flash, () -> library.changeValidity(id, version, Forms.date(validFrom, "게시 시작일"),
                Forms.date(validUntil, "게시 종료일")), "게시 기간을 저장했습니다.");
    }

    private String act(long id, RedirectAttributes flash, Runnable action, String done) {
        return Outcomes.redirect("/staff/signage/content/" + id, flash, action, done);
    }

    /** The item's media or QR code for staff previews. */
    @GetMapping("/{id}/file")
    ResponseEntity<Resource> file(@PathVariable long id, @RequestParam(defaultValue = "media") String which) {
        ContentItem c = library.get(id);
        String sha = "qr".equals(which) ? c.qrSha256() : c.fileSha256();
        if (sha == null) {
            throw DomainException.notFound("파일", id);
        }
        String type = files.find(sha).map(f -> f.mediaType()).orElse("application/octet-stream");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .eTag("\"" + sha + "\"")
                .body(new FileSystemResource(files.path(sha)));
    }
}
