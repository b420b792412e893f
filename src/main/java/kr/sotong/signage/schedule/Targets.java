package kr.sotong.signage.schedule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import kr.sotong.signage.device.DeviceKind;

/**
 * Which devices a campaign reaches: all, by kind, by group, by tag or by device. A device is reached
 * when any criterion matches; the most specific matching criterion (device 3 &gt; group or tag 2 &gt;
 * kind 1 &gt; all 0) takes part in the tie-break between campaigns of equal priority.
 */
public record Targets(boolean all, Set<DeviceKind> kinds, Set<String> groups, Set<String> tags, Set<Long> devices) {

    public static final int NO_MATCH = -1;

    public Targets {
        kinds = kinds == null || kinds.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(kinds));
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        devices = devices == null ? Set.of() : Set.copyOf(devices);
    }

    public static Targets everyone() {
        return new Targets(true, null, null, null, null);
    }

    public static Targets devices(Long... ids) {
        return new Targets(false, null, null, null, Set.of(ids));
    }

    public static Targets tags(String... tags) {
        return new Targets(false, null, null, Set.of(tags), null);
    }

    public boolean isEmpty() {
        return !all && kinds.isEmpty() && groups.isEmpty() && tags.isEmpty() && devices.isEmpty();
    }

    /** 3 device, 2 group/tag, 1 kind, 0 all; {@link #NO_MATCH} when the device is not reached. */
    public int specificity(DeviceProfile d) {
        if (devices.contains(d.id())) {
            return 3;
        }
        if (!groups.isEmpty() && !Collections.disjoint(groups, d.groups())
                || !tags.isEmpty() && !Collections.disjoint(tags, d.tags())) {
            return 2;
        }
        if (kinds.contains(d.kind())) {
            return 1;
        }
        return all ? 0 : NO_MATCH;
    }

    public static String specificityLabel(int s) {
        return switch (s) {
            case 3 -> "기기 지정";
            case 2 -> "그룹·태그 지정";
            case 1 -> "기기 종류 지정";
            default -> "전체 기기";
        };
    }

    public String describe() {
        if (all) {
            return "전체 기기";
        }
        List<String> parts = new ArrayList<>();
        kinds.stream().sorted().forEach(k -> parts.add(k.label()));
        new TreeSet<>(groups).forEach(g -> parts.add("그룹 " + g));
        new TreeSet<>(tags).forEach(t -> parts.add("#" + t));
        if (!devices.isEmpty()) {
            parts.add("기기 " + devices.size() + "대");
        }
        return parts.isEmpty() ? "대상 없음" : String.join(", ", parts);
    }
}
