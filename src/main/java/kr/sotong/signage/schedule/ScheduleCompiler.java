package kr.sotong.signage.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.ObjectMapper;

/**
 * Compiles the schedule documents of one snapshot and window. Devices reached by the same campaigns with
 * the same specificity have the same timeline, so the timeline and its document are made once per such
 * group (a fleet of thousands of boards in a few dozen building groups needs a few hundred documents).
 */
public final class ScheduleCompiler {

    private final long version;
    private final CampaignIndex index;
    private final Map<Long, ContentInfo> content;
    private final Instant from;
    private final Instant to;
    private final int pollSeconds;
    private final int heartbeatSeconds;
    private final ObjectMapper json;
    private final Map<String, ScheduleDocument> byTargeting = new ConcurrentHashMap<>();

    public ScheduleCompiler(long version, CampaignIndex index, Map<Long, ContentInfo> content, Instant from, Instant to,
                            int pollSeconds, int heartbeatSeconds, ObjectMapper json) {
        this.version = version;
        this.index = index;
        this.content = content;
        this.from = from;
        this.to = to;
        this.pollSeconds = pollSeconds;
        this.heartbeatSeconds = heartbeatSeconds;
        this.json = json;
    }

    public ScheduleDocument document(DeviceProfile device) {
        List<CampaignRule> candidates = index.candidates(device);
        String key = signature(device, candidates);
        return byTargeting.computeIfAbsent(key, k -> ScheduleDocuments.build(
                ScheduleResolver.timeline(device, candidates, from, to, false), content, from, to, pollSeconds,
                heartbeatSeconds, json));
    }

    /** Which campaigns reach the device and how specifically: all the resolver reads of a device. */
    static String signature(DeviceProfile device, List<CampaignRule> candidates) {
        List<CampaignRule> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingLong(CampaignRule::id));
        StringBuilder sb = new StringBuilder(sorted.size() * 8);
        for (CampaignRule c : sorted) {
            int spec = c.targets().specificity(device);
            if (spec >= 0) {
                sb.append(c.id()).append(':').append(spec).append(',');
            }
        }
        return sb.toString();
    }

    public int documents() {
        return byTargeting.size();
    }

    public Instant from() {
        return from;
    }

    public long version() {
        return version;
    }
}
