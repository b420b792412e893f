package kr.sotong.signage.device;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Remembers which devices fetched their schedule, in memory, and writes last-seen times in one batch
 * every few seconds — so that thousands of polling players cost no database write per request.
 */
@Component
public class SeenTracker {

    private final Devices devices;
    private final Map<Long, Instant> pending = new ConcurrentHashMap<>();

    public SeenTracker(Devices devices) {
        this.devices = devices;
    }

    public void seen(long deviceId, Instant at) {
        pending.merge(deviceId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Every 10 s; not on shutdown (a last-seen a few seconds old is harmless, a hung shutdown is not). */
    @Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT10S")
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(pending.keySet());
        long[] idArray = new long[ids.size()];
        Instant[] times = new Instant[ids.size()];
        int n = 0;
        for (Long id : ids) {
            Instant t = pending.remove(id);
            if (t != null) {
                idArray[n] = id;
                times[n] = t;
                n++;
            }
        }
        devices.recordSeen(java.util.Arrays.copyOf(idArray, n), java.util.Arrays.copyOf(times, n));
    }
}
