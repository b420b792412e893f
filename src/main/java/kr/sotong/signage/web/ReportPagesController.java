package kr.sotong.signage.web;

import java.nio.charset.StandardCharsets;
import kr.sotong.shared.DomainException;
import kr.sotong.signage.config.SignageAccess;
import kr.sotong.signage.device.DeviceKind;
import kr.sotong.signage.report.SignageReports;
import kr.sotong.signage.schedule.Programming;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff pages of proof-of-play and uptime reports, with XLSX export. */
@Controller
@RequestMapping("/staff/signage/reports")
@PreAuthorize(SignageAccess.READ)
class ReportPagesController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SignageReports reports;
    private final Programming programming;

    ReportPagesController(SignageReports reports, Programming programming) {
        this.reports = reports;
        this.programming = programming;
    }

    @GetMapping
    String report(@RequestParam(required = false) String campaignId, @RequestParam(required = false) String contentId,
                  @RequestParam(required = false) String deviceId, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, @RequestParam(required = false) String kind, Model model) {
        model.addAttribute("campaigns", programming.campaigns());
        model.addAttribute("kinds", DeviceKind.values());
        model.addAttribute("campaignId", campaignId);
        try {
            SignageReports.Filter f = reports.defaults(id(campaignId, "캠페인"), id(contentId, "콘텐츠"), id(deviceId, "기기"),
                    Forms.date(from, "시작일"), Forms.date(to, "종료일"));
            model.addAttribute("filter", f);
            model.addAttribute("report", reports.proofOfPlay(f));
            DeviceKind k = Forms.optionalChoice(DeviceKind.class, kind);
            model.addAttribute("kind", k);
            model.addAttribute("uptime", reports.uptime(f.from(), f.to(), k));
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("filter", reports.defaults(null, null, null, null, null));
        }
        return "signage/reports";
    }

    private static Long id(String text, String what) {
        return text == null || text.isBlank() ? null : (long) Forms.integer(text, what, 1, Integer.MAX_VALUE, null);
    }

    @GetMapping("/proof-of-play.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String campaignId,
                                  @RequestParam(required = false) String contentId,
                                  @RequestParam(required = false) String deviceId, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to) {
        Long campaign = id(campaignId, "캠페인");
        SignageReports.Filter f = reports.defaults(campaign, id(contentId, "콘텐츠"), id(deviceId, "기기"),
                Forms.date(from, "시작일"), Forms.date(to, "종료일"));
        byte[] xlsx = reports.workbook(f);
        String name = "송출기록_" + f.from() + "_" + f.to() + (campaign == null ? "" : "_캠페인" + campaign) + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
                        .build().toString())
                .body(xlsx);
    }
}
