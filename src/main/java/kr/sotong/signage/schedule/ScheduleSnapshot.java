package kr.sotong.signage.schedule;

import java.util.List;
import java.util.Map;

/**
 * Everything the resolver needs, read at one schedule version: active campaigns with their playlists of
 * approved items, the active devices' profiles and the approved content.
 */
public record ScheduleSnapshot(long version, List<CampaignRule> campaigns, Map<Long, DeviceProfile> devices,
                               Map<Long, ContentInfo> content, CampaignIndex index) {

    public ScheduleSnapshot {
        campaigns = List.copyOf(campaigns);
        devices = Map.copyOf(devices);
        content = Map.copyOf(content);
    }

    public static ScheduleSnapshot of(long version, List<CampaignRule> campaigns, Map<Long, DeviceProfile> devices,
                                      Map<Long, ContentInfo> content) {
        return new ScheduleSnapshot(version, campaigns, devices, content, new CampaignIndex(campaigns));
    }
}
