package kr.sotong.platform;

import java.time.Duration;

/** Fixed-window limits for public forms and endpoints, per key (IP address, phone hash …). */
public interface RateLimits {

    /** Takes one permit or throws a {@link kr.sotong.shared.DomainException} of kind RATE_LIMITED. */
    void acquire(String bucket, String key, int permits, Duration window);

    /** Takes one permit; false when the window is exhausted. */
    boolean tryAcquire(String bucket, String key, int permits, Duration window);
}
