package kr.sotong.signage.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.sotong.shared.DomainException;
import kr.sotong.signage.config.SignageAccess;
import kr.sotong.signage.device.Device;
import kr.sotong.signage.device.DeviceFilter;
import kr.sotong.signage.device.DeviceKind;
import kr.sotong.signage.device.DeviceRegistry;
import kr.sotong.signage.report.SignageReports;
import kr.sotong.signage.schedule.Block;
import kr.sotong.signage.schedule.Choice;
import kr.sotong.signage.schedule.DeviceSchedules;
import kr.sotong.signage.schedule.HourPlanner;
import kr.sotong.signage.schedule.PlayItem;
import kr.sotong.signage.schedule.Playout;
import kr.sotong.signage.schedule.Resolution;
import kr.sotong.signage.schedule.ScheduleChanges;
import kr.sotong.signage.schedule.ScheduleResolver;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff REST API of signage: devices, a device's effective playlist at an instant, proof-of-play reports. */
@RestController
@RequestMapping("/api/v1/signage")
@PreAuthorize(SignageAccess.READ)
class SignageApiController {

    private final DeviceRegistry registry;
    private final DeviceSchedules schedules;
    private final ScheduleChanges changes;
    private final SignageReports reports;

    SignageApiController(DeviceRegistry registry, DeviceSchedules schedules, ScheduleChanges changes, SignageReports reports) {
        this.registry = registry;
        this.schedules = schedules;
        this.changes = changes;
        this.reports = reports;
    }

    record DeviceDto(long id, String code, String name, String kind, String kindLabel, String building, String place,
                     String dong, String orientation, int width, int height, List<String> groups, List<String> tags,
                     String condition, String conditionLabel, Instant lastSeenAt, Instant pairedAt, String playerVersion) {
    }

    record DevicePage(long total, int offset, int limit, List<DeviceDto> items) {
    }

    @GetMapping("/devices")
    DevicePage devices(@RequestParam(required = false) DeviceKind kind, @RequestParam(required = false) String group,
                       @RequestParam(required = false) String tag, @RequestParam(required = false) String q,
                       @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "500") int limit) {
        if (offset < 0 || limit < 1 || limit > 5000) {
            throw new DomainException("signage.api.bad-page", "offset은 0 이상, limit은 1~5000이어야 합니다.");
        }
        DeviceFilter f = new DeviceFilter(kind, group, tag, q, false, offset, limit);
        Instant now = registry.now();
        List<DeviceDto> items = registry.list(f).stream().map(d -> dto(d, now)).toList();
        return new DevicePage(registry.count(f), offset, limit, items);
    }

    @GetMapping("/devices/{id}")
    DeviceDto device(@PathVariable long id) {
        return dto(registry.get(id), registry.now());
    }

    private DeviceDto dto(Device d, Instant now) {
        Device.Condition c = d.condition(now, registry.offlineAfter());
        return new DeviceDto(d.id(), d.code(), d.name(), d.kind().name(), d.kind().label(), d.building(), d.place(),
                d.dong(), d.orientation().name(), d.width(), d.height(), List.copyOf(d.groups()), List.copyOf(d.tags()),
                c.name(), c.label(), d.lastSeenAt(), d.pairedAt(), d.playerVersion());
    }

    /**
     * The device's effective playlist at {@code at} (ISO instant, offset date-time, or Asia/Seoul local
     * date-time; default now): the main campaign, interrupts with their share of the hour, the notes that
     * explain ties and exclusions, the item on screen and the hour plan.
     */
    @GetMapping("/devices/{id}/effective-playlist")
    Map<String, Object> effectivePlaylist(@PathVariable long id, @RequestParam(required = false) String at) {
        Device d = registry.get(id);
        Instant instant = at == null || at.isBlank() ? registry.now() : parseInstant(at);
        schedules.refresh(changes.currentVersion());
        Resolution r = schedules.resolve(id, instant).orElseThrow(() -> DomainException.conflict("signage.device.retired",
                "철거 처리된 기기에는 편성이 없습니다: " + d.code()));
        List<Block> plan = HourPlanner.plan(r);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("device", Map.of("id", d.id(), "code", d.code(), "name", d.name()));
        out.put("at", instant.toString());
        out.put("localTime", LocalDateTime.ofInstant(instant, ScheduleResolver.ZONE).toString());
        out.put("main", choice(r.main()));
        List<Object> interrupts = new ArrayList<>();
        r.interrupts().forEach(i -> interrupts.add(choice(i)));
        out.put("interrupts", interrupts);
        out.put("notes", r.notes());
        Playout.Now now = Playout.at(plan, instant);
        Map<String, Object> playing = new LinkedHashMap<>();
        playing.put("campaignId", now.block().choice() == null ? null : now.block().choice().campaignId());
        playing.put("contentId", now.item() == null ? null : now.item().contentId());
        playing.put("offsetSeconds", now.offsetInItem());
        playing.put("remainingSeconds", now.remaining());
        out.put("nowPlaying", playing);
        List<Object> blocks = new ArrayList<>();
        for (Block b : plan) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", b.at());
            m.put("seconds", b.len());
            m.put("campaignId", b.choice() == null ? null : b.choice().campaignId());
            m.put("interrupt", b.interrupt());
            blocks.add(m);
        }
        out.put("hourPlan", blocks);
        return out;
    }

    private static Map<String, Object> choice(Choice c) {
        if (c == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("campaignId", c.campaignId());
        m.put("campaignName", c.campaignName());
        m.put("kind", c.kind().name());
        m.put("priority", c.priority());
        m.put("sharePercent", c.sharePercent());
        m.put("secondsPerHour", c.kind().name().equals("INTERRUPT") ? c.secondsPerHour() : null);
        m.put("playlistId", c.playlistId());
        m.put("playlistName", c.playlistName());
        m.put("layout", c.layout().name());
        List<Object> items = new ArrayList<>();
        for (PlayItem i : c.loop()) {
            items.add(Map.of("contentId", i.contentId(), "kind", i.kind().name(), "seconds", i.seconds()));
        }
        m.put("items", items);
        m.put("ticker", c.ticker().stream().map(PlayItem::contentId).toList());
        return m;
    }

    static Instant parseInstant(String text) {
        String s = text.strip();
        try {
            if (s.endsWith("Z")) {
                return Instant.parse(s);
            }
            if (s.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(s).toInstant();
            }
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ScheduleResolver.ZONE).toInstant();
            }
            return LocalDateTime.parse(s).atZone(ScheduleResolver.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new DomainException("signage.api.bad-at",
                    "at 값을 읽을 수 없습니다: " + text + " (예: 2025-09-15T08:30, 2025-09-15T08:30:00+09:00)");
        }
    }

    @GetMapping("/reports/proof-of-play")
    SignageReports.ProofOfPlay proofOfPlay(@RequestParam(required = false) Long campaignId,
                                           @RequestParam(required = false) Long contentId,
                                           @RequestParam(required = false) Long deviceId,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return reports.proofOfPlay(reports.defaults(campaignId, contentId, deviceId, from, to));
    }

    @GetMapping("/reports/uptime")
    List<SignageReports.Uptime> uptime(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                       @RequestParam(required = false) DeviceKind kind) {
        return reports.uptime(from, to, kind);
    }
}
