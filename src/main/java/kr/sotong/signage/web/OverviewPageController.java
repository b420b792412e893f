package kr.sotong.signage.web;

import java.time.LocalDate;
import java.util.List;
import kr.sotong.signage.config.SignageAccess;
import kr.sotong.signage.content.ContentLibrary;
import kr.sotong.signage.device.DeviceRegistry;
import kr.sotong.signage.schedule.Campaign;
import kr.sotong.signage.schedule.CampaignKind;
import kr.sotong.signage.schedule.Programming;
import kr.sotong.signage.schedule.ScheduleResolver;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** /staff/signage: the fleet against the work plan, approvals waiting, campaigns running today. */
@Controller
@PreAuthorize(SignageAccess.READ)
class OverviewPageController {

    private final DeviceRegistry registry;
    private final ContentLibrary library;
    private final Programming programming;

    OverviewPageController(DeviceRegistry registry, ContentLibrary library, Programming programming) {
        this.registry = registry;
        this.library = library;
        this.programming = programming;
    }

    @GetMapping("/staff/signage")
    String overview(Model model) {
        LocalDate today = LocalDate.ofInstant(programming.now(), ScheduleResolver.ZONE);
        List<Campaign> all = programming.campaigns();
        List<Campaign> running = all.stream().filter(c -> c.status() == Campaign.Status.ACTIVE && !today.isBefore(c.start())
                && !today.isAfter(c.end())).toList();
        model.addAttribute("fleet", DevicePagesController.fleet(registry));
        model.addAttribute("targets", registry.fleetTargets());
        model.addAttribute("pending", library.pendingCount());
        model.addAttribute("running", running);
        model.addAttribute("hasDefault", running.stream().anyMatch(c -> c.kind() == CampaignKind.DEFAULT));
        model.addAttribute("today", today);
        return "signage/overview";
    }
}
