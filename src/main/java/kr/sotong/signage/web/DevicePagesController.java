package kr.sotong.signage.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.sotong.platform.FileStore;
import kr.sotong.shared.DomainException;
import kr.sotong.signage.config.SignageAccess;
import kr.sotong.signage.device.Device;
import kr.sotong.signage.device.DeviceAttributes;
import kr.sotong.signage.device.DeviceFilter;
import kr.sotong.signage.device.DeviceKind;
import kr.sotong.signage.device.DeviceRegistry;
import kr.sotong.signage.device.Devices;
import kr.sotong.signage.device.Orientation;
import kr.sotong.signage.schedule.DeviceSchedules;
import kr.sotong.signage.schedule.Resolution;
import kr.sotong.signage.schedule.ScheduleChanges;
import kr.sotong.signage.schedule.ScheduleResolver;
import kr.sotong.signage.schedule.Segment;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages of the device registry: list, registration, pairing, detail with effective playlist. */
@Controller
@RequestMapping("/staff/signage/devices")
@PreAuthorize(SignageAccess.READ)
class DevicePagesController {

    static final int PAGE = 100;

    private final DeviceRegistry registry;
    private final DeviceSchedules schedules;
    private final ScheduleChanges changes;
    private final FileStore files;

    DevicePagesController(DeviceRegistry registry, DeviceSchedules schedules, ScheduleChanges changes, FileStore files) {
        this.registry = registry;
        this.schedules = schedules;
        this.changes = changes;
        this.files = files;
    }

    /** A row of the fleet table: the work plan's target against registered, paired and online devices. */
    public record FleetRow(DeviceKind kind, int planned, long registered, long paired, long online) {
    }

    static List<FleetRow> fleet(DeviceRegistry registry) {
        Map<DeviceKind, Devices.Census> census = registry.census().stream()
                .collect(Collectors.toMap(Devices.Census::kind, Function.identity()));
        Map<DeviceKind, Integer> planned = registry.fleetTargets().stream()
                .collect(Collectors.toMap(DeviceRegistry.FleetTarget::kind, DeviceRegistry.FleetTarget::planned));
        List<FleetRow> rows = new ArrayList<>();
        for (DeviceKind k : DeviceKind.values()) {
            Devices.Census c = census.get(k);
            rows.add(new FleetRow(k, planned.getOrDefault(k, 0), c == null ? 0 : c.registered(), c == null ? 0 : c.paired(),
                    c == null ? 0 : c.online()));
        }
        return rows;
    }

    @GetMapping
    String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String group,
                @RequestParam(required = false) String tag, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        DeviceKind k = Forms.optionalChoice(DeviceKind.class, kind);
        int p = Math.max(0, page);
        DeviceFilter f = new DeviceFilter(k, group, tag, q, false, p * PAGE, PAGE);
        long total = registry.count(f);
        model.addAttribute("devices", registry.list(f));
        model.addAttribute("total", total);
        model.addAttribute("page", p);
        model.addAttribute("pages", (total + PAGE - 1) / PAGE);
        model.addAttribute("kind", k);
        model.addAttribute("group", group);
        model.addAttribute("tag", tag);
        model.addAttribute("q", q);
        model.addAttribute("kinds", DeviceKind.values());
        model.addAttribute("groups", registry.groups());
        model.addAttribute("tags", registry.tags());
        model.addAttribute("fleet", fleet(registry));
        model.addAttribute("now", registry.now());
        model.addAttribute("offlineAfter", registry.offlineAfter());
        return "signage/devices";
    }

    @GetMapping("/new")
    @PreAuthorize(SignageAccess.EDIT)
    String newForm(Model model) {
        model.addAttribute("form", DeviceForm.empty());
        formModel(model);
        return "signage/device-new";
    }

    private void formModel(Model model) {
        model.addAttribute("kinds", DeviceKind.values());
        model.addAttribute("orientations", Orientation.values());
        model.addAttribute("dongs", DeviceForm.DONGS);
    }

    @PostMapping
    @PreAuthorize(SignageAccess.EDIT)
    String register(DeviceForm form, Model model, RedirectAttributes flash) {
        try {
            Device d = registry.register(form.code(), form.attributes());
            flash.addFlashAttribute("info", "기기 " + d.code() + "를 등록했습니다. 플레이어를 연결하려면 화면의 페어링 코드를 입력하세요.");
            return "redirect:/staff/signage/devices/" + d.id();
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", form);
            formModel(model);
            return "signage/device-new";
        }
    }

    @GetMapping("/pair")
    @PreAuthorize(SignageAccess.EDIT)
    String pairForm(@RequestParam(required = false) String device, Model model) {
        model.addAttribute("pairingCode", "");
        model.addAttribute("deviceCode", device == null ? "" : device);
        return "signage/device-pair";
    }

    @PostMapping("/pair")
    @PreAuthorize(SignageAccess.EDIT)
    String pair(@RequestParam(defaultValue = "") String pairingCode, @RequestParam(defaultValue = "") String deviceCode,
                Model model, RedirectAttributes flash) {
        try {
            if (deviceCode.isBlank()) {
                throw new DomainException("signage.pairing.device-required", "연결할 기기의 코드를 입력하세요(예: MB-0001).");
            }
            Device d = registry.findByCode(deviceCode)
                    .orElseThrow(() -> new DomainException("signage.pairing.no-device", "등록되지 않은 기기 코드입니다: " + deviceCode
                            + ". 먼저 기기를 등록하세요."));
            registry.pair(pairingCode, d.id());
            flash.addFlashAttribute("info", d.code() + "에 플레이어를 연결했습니다. 몇 초 안에 화면이 편성을 받아 재생을 시작합니다.");
            return "redirect:/staff/signage/devices/" + d.id();
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("pairingCode", pairingCode);
            model.addAttribute("deviceCode", deviceCode);
            return "signage/device-pair";
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        Device d = registry.get(id);
        model.addAttribute("device", d);
        model.addAttribute("condition", d.condition(registry.now(), registry.offlineAfter()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", DeviceForm.of(d));
        }
        formModel(model);
        schedules.refresh(changes.currentVersion());
        Instant now = registry.now();
        model.addAttribute("now", now);
        model.addAttribute("resolution", schedules.resolve(id, now).orElse(null));
        LocalDate today = LocalDate.ofInstant(now, ScheduleResolver.ZONE);
        List<Segment> timeline = schedules.timeline(id, now, now.plusSeconds(24 * 3600));
        model.addAttribute("timeline", timeline);
        model.addAttribute("today", today);
        return "signage/device";
    }

    @PostMapping("/{id}")
    @PreAuthorize(SignageAccess.EDIT)
    String update(@PathVariable long id, DeviceForm form, @RequestParam(defaultValue = "-1") int version, Model model,
                  RedirectAttributes flash) {
        try {
            registry.update(id, version, form.attributes());
            flash.addFlashAttribute("info", "기기 정보를 저장했습니다.");
            return "redirect:/staff/signage/devices/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", form);
            return detail(id, model);
        }
    }

    @PostMapping("/{id}/revoke")
    @PreAuthorize(SignageAccess.EDIT)
    String revoke(@PathVariable long id, RedirectAttributes flash) {
        return act(id, flash, () -> registry.revokeToken(id), "인증 토큰을 취소했습니다. 이 플레이어는 더 이상 편성을 받지 못합니다.");
    }

    @PostMapping("/{id}/retire")
    @PreAuthorize(SignageAccess.EDIT)
    String retire(@PathVariable long id, RedirectAttributes flash) {
        return act(id, flash, () -> registry.retire(id), "기기를 철거 처리했습니다.");
    }

    @PostMapping("/{id}/screenshot-request")
    @PreAuthorize(SignageAccess.EDIT)
    String requestScreenshot(@PathVariable long id, RedirectAttributes flash) {
        return act(id, flash, () -> registry.requestScreenshot(id), "스크린샷을 요청했습니다. 플레이어가 연결되어 있으면 몇 초 안에 도착합니다.");
    }

    @PostMapping("/{id}/token")
    @PreAuthorize(SignageAccess.EDIT)
    String issueToken(@PathVariable long id, RedirectAttributes flash) {
        try {
            String token = registry.issueToken(id);
            flash.addFlashAttribute("issuedToken", token);
            flash.addFlashAttribute("info", "인증 토큰을 발급했습니다. 이 화면을 벗어나면 다시 볼 수 없습니다.");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/staff/signage/devices/" + id;
    }

    private String act(long id, RedirectAttributes flash, Runnable action, String done) {
        return Outcomes.redirect("/staff/signage/devices/" + id, flash, action, done);
    }

    @GetMapping("/{id}/screenshot")
    ResponseEntity<Resource> screenshot(@PathVariable long id) {
        Device d = registry.get(id);
        if (d.screenshotSha256() == null) {
            throw DomainException.notFound("스크린샷", d.code());
        }
        String type = files.find(d.screenshotSha256()).map(f -> f.mediaType()).orElse("image/png");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type)).cacheControl(CacheControl.noStore())
                .body(new FileSystemResource(files.path(d.screenshotSha256())));
    }
}
