package kr.sotong.campaigns.placement;

import java.time.LocalDate;
import kr.sotong.platform.FileStore;
import kr.sotong.shared.DomainException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.format.annotation.DateTimeFormat;
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

/** 홍보미디어팀: campaigns, placements, timeline, photos, performance, guidebook e-book. */
@Controller
@RequestMapping("/staff/campaigns")
@PreAuthorize("hasAnyRole('PR_MEDIA','ADMIN','DIRECTOR','VIEWER')")
class CampaignStaffController {

    private static final String WRITE = "hasAnyRole('PR_MEDIA','ADMIN')";

    private final CampaignService service;
    private final FileStore files;

    CampaignStaffController(CampaignService service, FileStore files) {
        this.service = service;
        this.files = files;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("campaigns", service.campaigns());
        return "campaigns/staff-campaigns";
    }

    @PostMapping
    @PreAuthorize(WRITE)
    String create(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String description,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
                  @RequestParam(required = false) Long budgetThousands, Model model, RedirectAttributes redirect) {
        try {
            Campaign c = service.createCampaign(code, name, description, startsOn, endsOn, budgetThousands);
            redirect.addFlashAttribute("info", "캠페인을 등록했습니다.");
            return "redirect:/staff/campaigns/" + c.getId();
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            return list(model);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("campaign", service.campaign(id));
        model.addAttribute("placements", service.placements(id));
        model.addAttribute("timeline", service.timeline(id));
        model.addAttribute("kinds", Placement.Kind.values());
        return "campaigns/staff-campaign";
    }

    @PostMapping("/{id}/placements")
    @PreAuthorize(WRITE)
    String plan(@PathVariable long id, CampaignService.PlacementForm form, RedirectAttributes redirect) {
        try {
            Placement p = service.plan(id, form);
            redirect.addFlashAttribute("info", "매체를 등록했습니다.");
            return "redirect:/staff/campaigns/placements/" + p.getId();
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/staff/campaigns/" + id;
        }
    }

    @GetMapping("/placements/{pid}")
    String placement(@PathVariable long pid, Model model) {
        Placement p = service.placement(pid);
        model.addAttribute("placement", p);
        model.addAttribute("campaign", service.campaign(p.getCampaignId()));
        model.addAttribute("ctr", CampaignService.clickThroughRate(p));
        model.addAttribute("impressions", p.total(PlacementMetric.Metric.IMPRESSIONS));
        model.addAttribute("kinds", Placement.Kind.values());
        return "campaigns/staff-placement";
    }

    @PostMapping("/placements/{pid}")
    @PreAuthorize(WRITE)
    String update(@PathVariable long pid, CampaignService.PlacementForm form, RedirectAttributes redirect) {
        return run(redirect, pid, "저장했습니다.", () -> service.update(pid, form));
    }

    @PostMapping("/placements/{pid}/status")
    @PreAuthorize(WRITE)
    String status(@PathVariable long pid, @RequestParam String action, RedirectAttributes redirect) {
        return run(redirect, pid, "상태를 바꿨습니다.", () -> service.transition(pid, action));
    }

    @PostMapping("/placements/{pid}/photos")
    @PreAuthorize(WRITE)
    String photo(@PathVariable long pid, @RequestParam(name = "file", required = false) MultipartFile file,
                 @RequestParam(required = false) String caption, RedirectAttributes redirect) {
        return run(redirect, pid, "사진을 등록했습니다.", () -> service.addPhoto(pid, file, caption));
    }

    @PostMapping("/placements/{pid}/metrics")
    @PreAuthorize(WRITE)
    String metric(@PathVariable long pid, @RequestParam(required = false) String metric,
                  @RequestParam(required = false) String label,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate measuredFrom,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate measuredTo,
                  @RequestParam(required = false) Long value, @RequestParam(required = false) String source,
                  RedirectAttributes redirect) {
        return run(redirect, pid, "실적을 기록했습니다.",
                () -> service.recordMetric(pid, metric, label, measuredFrom, measuredTo, value, source));
    }

    @PostMapping("/placements/{pid}/ebook")
    @PreAuthorize(WRITE)
    String ebook(@PathVariable long pid, @RequestParam(name = "file", required = false) MultipartFile file,
                 @RequestParam(required = false) String title, RedirectAttributes redirect) {
        try {
            var book = service.publishGuidebook(pid, file, title);
            redirect.addFlashAttribute("info", "가이드북 e-book을 홈페이지에 공개했습니다(" + book.pageCount() + "쪽): "
                    + book.viewerUrl());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/staff/campaigns/placements/" + pid;
    }

    private static String run(RedirectAttributes redirect, long pid, String info, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("info", info);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/staff/campaigns/placements/" + pid;
    }

    @GetMapping("/placements/{pid}/photos/{index}")
    ResponseEntity<Resource> photoFile(@PathVariable long pid, @PathVariable int index) {
        var photos = service.placement(pid).getPhotos();
        if (index < 0 || index >= photos.size()) {
            throw DomainException.notFound("사진", index);
        }
        PlacementPhoto photo = photos.get(index);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.mediaType()))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(30)).cachePrivate())
                .body(new FileSystemResource(files.path(photo.sha256())));
    }
}
