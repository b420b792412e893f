package kr.sotong.newsletter.distribution;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import kr.sotong.newsletter.issue.IssueService;
import kr.sotong.newsletter.support.Flash;
import kr.sotong.newsletter.support.NewsletterProperties;
import kr.sotong.shared.DomainException;
import org.springframework.format.annotation.DateTimeFormat;
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

/** 배부처 관리: points, delivery rounds, inspections, reports, XLSX/GeoJSON. */
@Controller
@RequestMapping("/staff/newsletter/distribution")
@PreAuthorize("hasAnyRole('PR_MEDIA','ADMIN','DIRECTOR','VIEWER')")
class DistributionStaffController {

    private static final String WRITE = "hasAnyRole('PR_MEDIA','ADMIN')";
    private static final String HOME = "/staff/newsletter/distribution";

    private final DistributionService service;
    private final IssueService issues;
    private final NewsletterProperties properties;
    private final kr.sotong.platform.FileStore files;

    DistributionStaffController(DistributionService service, IssueService issues, NewsletterProperties properties,
                                kr.sotong.platform.FileStore files) {
        this.files = files;
        this.service = service;
        this.issues = issues;
        this.properties = properties;
    }

    @GetMapping
    String home(@RequestParam(required = false) Integer days, Model model) {
        int d = days == null ? properties.inspectionOverdueDays() : days;
        model.addAttribute("points", service.points());
        model.addAttribute("days", d);
        try {
            model.addAttribute("overdue", service.overdue(d));
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("overdue", service.overdue(properties.inspectionOverdueDays()));
        }
        model.addAttribute("byDong", service.copiesByDong());
        model.addAttribute("uptake", service.uptake());
        model.addAttribute("rounds", service.rounds());
        model.addAttribute("issues", issues.all());
        model.addAttribute("kinds", DistributionPoint.Kind.values());
        model.addAttribute("dongs", DistributionPoint.DONGS);
        model.addAttribute("today", service.today());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new DistributionService.PointForm("COMMUNITY_CENTER", "", "", "", null, null, 50));
        }
        return "newsletter/staff-distribution";
    }

    @PostMapping("/points")
    @PreAuthorize(WRITE)
    String create(DistributionService.PointForm form, Model model, RedirectAttributes redirect) {
        try {
            DistributionPoint p = service.createPoint(form);
            redirect.addFlashAttribute("info", "배부처 '" + p.getName() + "'을(를) 등록했습니다.");
            return "redirect:" + HOME;
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", form);
            return home(null, model);
        }
    }

    @GetMapping("/points/{id}")
    String point(@PathVariable long id, Model model) {
        DistributionPoint p = service.point(id);
        model.addAttribute("point", p);
        model.addAttribute("inspections", service.inspections(id));
        model.addAttribute("kinds", DistributionPoint.Kind.values());
        model.addAttribute("dongs", DistributionPoint.DONGS);
        model.addAttribute("today", service.today());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new DistributionService.PointForm(p.getKind().name(), p.getName(), p.getAddress(),
                    p.getDong(), p.getLatitude(), p.getLongitude(), p.getCopiesPerIssue()));
        }
        return "newsletter/staff-point";
    }

    @PostMapping("/points/{id}")
    @PreAuthorize(WRITE)
    String update(@PathVariable long id, DistributionService.PointForm form, RedirectAttributes redirect) {
        return Flash.run(redirect, HOME + "/points/" + id, "저장했습니다.", () -> service.updatePoint(id, form));
    }

    @PostMapping("/points/{id}/active")
    @PreAuthorize(WRITE)
    String active(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        return Flash.run(redirect, HOME + "/points/" + id, active ? "다시 사용합니다." : "사용을 중지했습니다.",
                () -> service.setActive(id, active));
    }

    @PostMapping("/points/{id}/inspections")
    @PreAuthorize(WRITE)
    String inspect(@PathVariable long id,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate inspectedOn,
                   @RequestParam(required = false) String inspector, @RequestParam(required = false) Integer copiesLeft,
                   @RequestParam(required = false) String problems,
                   @RequestParam(name = "photo", required = false) MultipartFile photo, RedirectAttributes redirect) {
        return Flash.run(redirect, HOME + "/points/" + id, "점검 결과를 기록했습니다.", () -> service.inspect(id,
                new DistributionService.InspectionForm(inspectedOn, inspector, copiesLeft, problems), photo));
    }

    @PostMapping("/rounds")
    @PreAuthorize(WRITE)
    String deliver(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveredOn,
                   @RequestParam(required = false) Long issueId, @RequestParam(required = false) String note,
                   RedirectAttributes redirect) {
        return Flash.run(redirect, HOME, "배송 회차를 기록했습니다.", () -> service.deliver(deliveredOn, issueId, note));
    }

    @PostMapping("/import")
    @PreAuthorize(WRITE)
    String importXlsx(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
        return Flash.run(redirect, HOME, null, () -> {
            int[] r = service.importXlsx(file);
            return "엑셀에서 배부처 " + r[0] + "곳을 추가하고 " + r[1] + "곳을 수정했습니다.";
        });
    }

    @GetMapping("/inspections/{id}/photo")
    ResponseEntity<org.springframework.core.io.Resource> inspectionPhoto(@PathVariable long id) {
        Inspection i = service.inspection(id);
        if (i.getPhotoSha256() == null) {
            throw DomainException.notFound("사진", id);
        }
        return kr.sotong.newsletter.support.FileResponses.privateFile(files, i.getPhotoSha256(),
                files.find(i.getPhotoSha256()).map(kr.sotong.platform.StoredFile::mediaType).orElse("image/jpeg"));
    }

    @GetMapping("/points.xlsx")
    ResponseEntity<byte[]> exportXlsx() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("금천향기-배부처.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(service.exportXlsx());
    }

    @GetMapping("/points.geojson")
    ResponseEntity<String> geoJson() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("newsletter-distribution-points.geojson", StandardCharsets.UTF_8).build().toString())
                .body(service.geoJson());
    }
}
