package kr.sotong.signage.schedule;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.sotong.signage.device.DeviceKind;

/**
 * Campaigns indexed by what they target, so that a device's candidates are found without scanning every
 * campaign (10,000 devices × hundreds of campaigns stay well under a second).
 */
public final class CampaignIndex {

    private final List<CampaignRule> all = new ArrayList<>();
    private final Map<DeviceKind, List<CampaignRule>> byKind = new EnumMap<>(DeviceKind.class);
    private final Map<String, List<CampaignRule>> byGroup = new HashMap<>();
    private final Map<String, List<CampaignRule>> byTag = new HashMap<>();
    private final Map<Long, List<CampaignRule>> byDevice = new HashMap<>();
    private final int size;

    public CampaignIndex(List<CampaignRule> campaigns) {
        for (CampaignRule c : campaigns) {
            Targets t = c.targets();
            if (t.all()) {
                all.add(c);
            }
            t.kinds().forEach(k -> byKind.computeIfAbsent(k, x -> new ArrayList<>()).add(c));
            t.groups().forEach(g -> byGroup.computeIfAbsent(g, x -> new ArrayList<>()).add(c));
            t.tags().forEach(g -> byTag.computeIfAbsent(g, x -> new ArrayList<>()).add(c));
            t.devices().forEach(d -> byDevice.computeIfAbsent(d, x -> new ArrayList<>()).add(c));
        }
        size = campaigns.size();
    }

    /** Campaigns that may reach the device (each once). */
    public List<CampaignRule> candidates(DeviceProfile d) {
        Map<CampaignRule, Boolean> seen = new IdentityHashMap<>();
        List<CampaignRule> out = new ArrayList<>();
        add(out, seen, all);
        add(out, seen, byKind.get(d.kind()));
        add(out, seen, byDevice.get(d.id()));
        addEach(out, seen, byGroup, d.groups());
        addEach(out, seen, byTag, d.tags());
        return out;
    }

    private static void addEach(List<CampaignRule> out, Map<CampaignRule, Boolean> seen,
                                Map<String, List<CampaignRule>> index, Set<String> keys) {
        for (String k : keys) {
            add(out, seen, index.get(k));
        }
    }

    private static void add(List<CampaignRule> out, Map<CampaignRule, Boolean> seen, List<CampaignRule> list) {
        if (list != null) {
            for (CampaignRule c : list) {
                if (seen.put(c, Boolean.TRUE) == null) {
                    out.add(c);
                }
            }
        }
    }

    public int size() {
        return size;
    }
}
