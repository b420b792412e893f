package kr.sotong.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import kr.sotong.platform.RateLimits;
import kr.sotong.shared.DomainException;
import org.springframework.stereotype.Service;

/**
 * Fixed-window counters in memory (per application node). Enough for public forms on one or a few
 * nodes; a shared store can replace it behind the same interface.
 */
@Service
class InMemoryRateLimits implements RateLimits {

    private static final int MAX_KEYS = 200_000;

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final AtomicLong calls = new AtomicLong();

    InMemoryRateLimits(Clock clock) {
        this.clock = clock;
    }

    private record Window(long start, int count) {
    }

    @Override
    public void acquire(String bucket, String key, int permits, Duration window) {
        if (!tryAcquire(bucket, key, permits, window)) {
            throw DomainException.rateLimited("요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.");
        }
    }

    @Override
    public boolean tryAcquire(String bucket, String key, int permits, Duration window) {
        long now = clock.millis();
        long size = window.toMillis();
        if (calls.incrementAndGet() % 10_000 == 0 || windows.size() > MAX_KEYS) {
            windows.entrySet().removeIf(e -> now - e.getValue().start() > Duration.ofHours(24).toMillis());
        }
        boolean[] allowed = {false};
        windows.compute(bucket + "|" + key, (k, w) -> {
            if (w == null || now - w.start() >= size) {
                allowed[0] = true;
                return new Window(now, 1);
            }
            if (w.count() < permits) {
                allowed[0] = true;
                return new Window(w.start(), w.count() + 1);
            }
            return w;
        });
        return allowed[0];
    }
}
