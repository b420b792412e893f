package kr.sotong.signage.schedule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the resolver needs, read at one schedule version: active campaigns with their playlists of
 * approved items, the active devices' profiles, the approved content and the files it uses (SHA-256 →
 * the media type to serve them as).
 */
public record ScheduleSnapshot(long version, List<CampaignRule> campaigns, Map<Long, DeviceProfile> devices,
                               Map<Long, ContentInfo> content, CampaignIndex index,
                               Map<String, String> files) {

    public ScheduleSnapshot {
        campaigns = List.copyOf(campaigns);
        devices = Map.copyOf(devices);
        content = Map.copyOf(content);
        files = Map.copyOf(files);
    }

    public static ScheduleSnapshot of(long version, List<CampaignRule> campaigns, Map<Long, DeviceProfile> devices,
                                      Map<Long, ContentInfo> content) {
        Map<String, String> files = new HashMap<>();
        for (ContentInfo c : content.values()) {
            if (c.sha256() != null) {
                files.put(c.sha256(), c.mediaType() == null ? "application/octet-stream" : c.mediaType());
            }
            if (c.qrSha256() != null) {
                files.put(c.qrSha256(), "image/png");
            }
        }
        return new ScheduleSnapshot(version, campaigns, devices, content, new CampaignIndex(campaigns), files);
    }
}
