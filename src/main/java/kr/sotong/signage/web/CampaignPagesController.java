package kr.sotong.signage.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kr.sotong.shared.DomainException;
import kr.sotong.signage.config.SignageAccess;
import kr.sotong.signage.device.Device;
import kr.sotong.signage.device.DeviceKind;
import kr.sotong.signage.device.DeviceRegistry;
import kr.sotong.signage.schedule.Campaign;
import kr.sotong.signage.schedule.CampaignKind;
import kr.sotong.signage.schedule.Playlists;
import kr.sotong.signage.schedule.Programming;
import kr.sotong.signage.schedule.ScheduleResolver;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages of campaigns (편성): list, plan, revise, pause; equal-priority overlaps with their tie-break. */
@Controller
@RequestMapping("/staff/signage/campaigns")
@PreAuthorize(SignageAccess.READ)
class CampaignPagesController {

    private final Programming programming;
    private final DeviceRegistry registry;

    CampaignPagesController(Programming programming, DeviceRegistry registry) {
        this.programming = programming;
        this.registry = registry;
    }

    @GetMapping
    String list(Model model) {
        List<Campaign> campaigns = programming.campaigns();
        model.addAttribute("campaigns", campaigns);
        model.addAttribute("playlistNames", playlistNames());
        model.addAttribute("today", LocalDate.ofInstant(programming.now(), ScheduleResolver.ZONE));
        model.addAttribute("hasDefault", campaigns.stream().anyMatch(c -> c.kind() == CampaignKind.DEFAULT
                && c.status() == Campaign.Status.ACTIVE));
        return "signage/campaigns";
    }

    private Map<Long, String> playlistNames() {
        return programming.playlists().stream().collect(Collectors.toMap(Playlists.Summary::id, Playlists.Summary::name));
    }

    private void formModel(Model model) {
        model.addAttribute("kinds", CampaignKind.values());
        model.addAttribute("deviceKinds", DeviceKind.values());
        model.addAttribute("playlists", programming.playlists());
        model.addAttribute("week", Programming.week());
        java.util.Map<java.time.DayOfWeek, String> labels = new java.util.EnumMap<>(java.time.DayOfWeek.class);
        Programming.week().forEach(d -> labels.put(d, kr.sotong.signage.schedule.Daypart.dayLabel(d)));
        model.addAttribute("dayLabels", labels);
        model.addAttribute("rows", java.util.stream.IntStream.range(0, CampaignForm.DAYPART_ROWS).boxed().toList());
        model.addAttribute("groups", registry.groups());
        model.addAttribute("tags", registry.tags());
    }

    @GetMapping("/new")
    @PreAuthorize(SignageAccess.EDIT)
    String newForm(Model model) {
        model.addAttribute("form", CampaignForm.empty(LocalDate.ofInstant(programming.now(), ScheduleResolver.ZONE)));
        formModel(model);
        return "signage/campaign-new";
    }

    @PostMapping
    @PreAuthorize(SignageAccess.EDIT)
    String plan(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes flash) {
        CampaignForm form = new CampaignForm(params);
        try {
            Campaign c = programming.planCampaign(form.draft(this::deviceId));
            flash.addFlashAttribute("info", "캠페인 '" + c.name() + "'을(를) 편성했습니다. 대상 기기에 몇 초 안에 반영됩니다.");
            return "redirect:/staff/signage/campaigns/" + c.id();
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", form);
            formModel(model);
            return "signage/campaign-new";
        }
    }

    private Long deviceId(String code) {
        return registry.findByCode(code).map(Device::id).orElse(null);
    }

    private String deviceCode(Long id) {
        try {
            return registry.get(id).code();
        } catch (DomainException e) {
            return "#" + id;
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        Campaign c = programming.campaign(id);
        model.addAttribute("campaign", c);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", CampaignForm.of(c, this::deviceCode));
        }
        model.addAttribute("playlistNames", playlistNames());
        model.addAttribute("overlaps", programming.overlaps(id));
        formModel(model);
        return "signage/campaign";
    }

    @PostMapping("/{id}")
    @PreAuthorize(SignageAccess.EDIT)
    String revise(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
                  RedirectAttributes flash) {
        CampaignForm form = new CampaignForm(params);
        try {
            int version = Forms.integer(form.get("version"), "버전", 0, Integer.MAX_VALUE, -1);
            programming.reviseCampaign(id, version, form.draft(this::deviceId));
            flash.addFlashAttribute("info", "캠페인을 저장했습니다. 대상 기기에 몇 초 안에 반영됩니다.");
            return "redirect:/staff/signage/campaigns/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", form);
            return detail(id, model);
        }
    }

    @PostMapping("/{id}/pause")
    @PreAuthorize(SignageAccess.EDIT)
    String pause(@PathVariable long id, RedirectAttributes flash) {
        return act(id, flash, () -> programming.pauseCampaign(id), "캠페인을 일시 중지했습니다.");
    }

    @PostMapping("/{id}/resume")
    @PreAuthorize(SignageAccess.EDIT)
    String resume(@PathVariable long id, RedirectAttributes flash) {
        return act(id, flash, () -> programming.resumeCampaign(id), "캠페인 편성을 다시 시작했습니다.");
    }

    private String act(long id, RedirectAttributes flash, Runnable action, String done) {
        return Outcomes.redirect("/staff/signage/campaigns/" + id, flash, action, done);
    }
}
