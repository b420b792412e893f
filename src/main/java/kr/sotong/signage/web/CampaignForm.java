package kr.sotong.signage.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import kr.sotong.shared.DomainException;
import kr.sotong.signage.device.DeviceAttributes;
import kr.sotong.signage.device.DeviceKind;
import kr.sotong.signage.schedule.Campaign;
import kr.sotong.signage.schedule.CampaignDraft;
import kr.sotong.signage.schedule.CampaignKind;
import kr.sotong.signage.schedule.Daypart;
import kr.sotong.signage.schedule.Targets;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The campaign form as typed: up to {@link #DAYPART_ROWS} daypart rows ({@code dp0Days}, {@code dp0Start},
 * {@code dp0End} …), targets as checkboxes and comma-separated names and device codes.
 */
public final class CampaignForm {

    static final int DAYPART_ROWS = 3;
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private final MultiValueMap<String, String> values;

    CampaignForm(MultiValueMap<String, String> values) {
        this.values = values == null ? new LinkedMultiValueMap<>() : values;
    }

    static CampaignForm empty(java.time.LocalDate today) {
        MultiValueMap<String, String> v = new LinkedMultiValueMap<>();
        v.add("kind", CampaignKind.NORMAL.name());
        v.add("start", today.toString());
        v.add("end", today.plusDays(30).toString());
        v.add("priority", "50");
        v.add("sharePercent", "10");
        return new CampaignForm(v);
    }

    static CampaignForm of(Campaign c, Function<Long, String> deviceCode) {
        MultiValueMap<String, String> v = new LinkedMultiValueMap<>();
        v.add("name", c.name());
        v.add("kind", c.kind().name());
        v.add("playlistId", String.valueOf(c.playlistId()));
        v.add("start", c.start().toString());
        v.add("end", c.end().toString());
        v.add("priority", String.valueOf(c.priority()));
        v.add("sharePercent", String.valueOf(c.sharePercent() == 0 ? 10 : c.sharePercent()));
        if (c.targets().all()) {
            v.add("targetAll", "true");
        }
        c.targets().kinds().forEach(k -> v.add("targetKinds", k.name()));
        v.add("targetGroups", String.join(", ", c.targets().groups()));
        v.add("targetTags", String.join(", ", c.targets().tags()));
        v.add("targetDevices", String.join(", ", c.targets().devices().stream().sorted().map(deviceCode).toList()));
        for (int i = 0; i < c.dayparts().size() && i < DAYPART_ROWS; i++) {
            Daypart d = c.dayparts().get(i);
            String row = "dp" + i;
            d.days().forEach(day -> v.add(row + "Days", day.name()));
            v.add("dp" + i + "Start", HM.format(d.start()));
            v.add("dp" + i + "End", d.end().equals(LocalTime.MIDNIGHT) && !d.wholeDay() ? "24:00" : HM.format(d.end()));
        }
        return new CampaignForm(v);
    }

    public String get(String name) {
        String s = values.getFirst(name);
        return s == null ? "" : s;
    }

    public boolean has(String name, String value) {
        List<String> list = values.get(name);
        return list != null && list.contains(value);
    }

    /** For templates: is the day checked in the row. */
    public boolean day(int row, String day) {
        return has("dp" + row + "Days", day);
    }

    CampaignDraft draft(Function<String, Long> deviceIdByCode) {
        CampaignKind kind = Forms.choice(CampaignKind.class, get("kind"), "편성 종류");
        Long playlist = get("playlistId").isBlank() ? null : (long) Forms.integer(get("playlistId"), "재생목록", 1, Integer.MAX_VALUE, null);
        Set<DeviceKind> kinds = EnumSet.noneOf(DeviceKind.class);
        List<String> kindValues = values.get("targetKinds");
        if (kindValues != null) {
            for (String k : kindValues) {
                kinds.add(Forms.choice(DeviceKind.class, k, "기기 종류"));
            }
        }
        Set<Long> devices = new HashSet<>();
        for (String code : DeviceAttributes.split(get("targetDevices"))) {
            Long id = deviceIdByCode.apply(code);
            if (id == null) {
                throw new DomainException("signage.campaign.unknown-device", "등록되지 않은 기기 코드입니다: " + code);
            }
            devices.add(id);
        }
        Targets targets = new Targets("true".equals(get("targetAll")), kinds, DeviceAttributes.split(get("targetGroups")),
                DeviceAttributes.split(get("targetTags")), devices);
        List<Daypart> dayparts = new ArrayList<>();
        for (int i = 0; i < DAYPART_ROWS; i++) {
            List<String> days = values.get("dp" + i + "Days");
            String start = get("dp" + i + "Start");
            String end = get("dp" + i + "End");
            if ((days == null || days.isEmpty()) && start.isBlank() && end.isBlank()) {
                continue;
            }
            Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
            if (days != null) {
                for (String d : days) {
                    set.add(Forms.choice(DayOfWeek.class, d, "요일"));
                }
            }
            String row = "시간대 " + (i + 1) + "의";
            dayparts.add(new Daypart(set, Daypart.parseTime(start, row + " 시작"), Daypart.parseTime(end, row + " 끝")));
        }
        return new CampaignDraft(get("name"), kind, playlist, Forms.requiredDate(get("start"), "시작일"),
                Forms.requiredDate(get("end"), "종료일"), Forms.integer(get("priority"), "우선순위", 0, 100, 50),
                kind == CampaignKind.INTERRUPT ? Forms.integer(get("sharePercent"), "시간 점유율(%)", 1, 90, null) : 0,
                targets, dayparts);
    }
}
