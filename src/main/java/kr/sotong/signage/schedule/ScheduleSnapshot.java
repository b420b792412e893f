package kr.sotong.signage.schedule;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the resolver needs, read at one schedule version: active campaigns with their playlists of
 * approved items, the active devices' profiles, the approved content and the files it uses.
 */
public record ScheduleSnapshot(long version, List<CampaignRule> campaigns, Map<Long, DeviceProfile> devices,
                               Map<Long, ContentInfo> content, CampaignIndex index, Set<String> files) {

    public ScheduleSnapshot {
        campaigns = List.copyOf(campaigns);
        devices = Map.copyOf(devices);
        content = Map.copyOf(content);
        files = Set.copyOf(files);
    }

    public static ScheduleSnapshot of(long version, List<CampaignRule> campaigns, Map<Long, DeviceProfile> devices,
                                      Map<Long, ContentInfo> content) {
        Set<String> files = new HashSet<>();
        for (ContentInfo c : content.values()) {
            if (c.sha256() != null) {
                files.add(c.sha256());
            }
            if (c.qrSha256() != null) {
                files.add(c.qrSha256());
            }
        }
        return new ScheduleSnapshot(version, campaigns, devices, content, new CampaignIndex(campaigns), files);
    }
}
