package kr.sotong.signage.schedule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the resolver needs, read at one schedule version: active campaigns with their playlists of
 * approved items, the active devices' profiles, the approved content and the files it uses (SHA-256 →
 * the media type to serve them as), and the valid device tokens (their hashes), so that authenticating
 * a polling player needs no database round trip.
 */
public record ScheduleSnapshot(long version, List<CampaignRule> campaigns, Map<Long, DeviceProfile> devices,
                               Map<Long, ContentInfo> content, CampaignIndex index,
                               Map<String, String> files, Map<String, Long> tokens) {

    public ScheduleSnapshot {
        campaigns = List.copyOf(campaigns);
        devices = Map.copyOf(devices);
        content = Map.copyOf(content);
        files = Map.copyOf(files);
        tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
    }

    public static ScheduleSnapshot of(long version, List<CampaignRule> campaigns, Map<Long, DeviceProfile> devices,
                                      Map<Long, ContentInfo> content) {
        return of(version, campaigns, devices, content, Map.of());
    }

    /** @param tokens SHA-256 of every valid device token → device id */
    public static ScheduleSnapshot of(long version, List<CampaignRule> campaigns, Map<Long, DeviceProfile> devices,
                                      Map<Long, ContentInfo> content, Map<String, Long> tokens) {
        Map<String, String> files = new HashMap<>();
        for (ContentInfo c : content.values()) {
            if (c.sha256() != null) {
                files.put(c.sha256(), c.mediaType() == null ? "application/octet-stream" : c.mediaType());
            }
            if (c.qrSha256() != null) {
                files.put(c.qrSha256(), "image/png");
            }
        }
        return new ScheduleSnapshot(version, campaigns, devices, content, new CampaignIndex(campaigns), files, tokens);
    }
}
