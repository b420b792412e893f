package kr.sotong.messaging.internal;

/** Token bucket shared by the delivery workers of one node: at most {@code perSecond} messages a second. */
final class RateLimiter {

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long last;

    RateLimiter(int perSecond) {
        this.perNano = perSecond / 1_000_000_000.0;
        this.capacity = Math.max(1, perSecond);
        this.tokens = capacity;
        this.last = System.nanoTime();
    }

    /** Blocks until {@code n} permits are available. */
    void acquire(int n) throws InterruptedException {
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            tokens -= n;
            waitNanos = tokens >= 0 ? 0 : (long) (-tokens / perNano);
        }
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }
}
