package kr.sotong.bench;

import java.util.Arrays;

/** Collects latencies (nanoseconds) and reports percentiles in milliseconds. */
public final class Latencies {

    private long[] values = new long[1024];
    private int size;

    public synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    public synchronized int count() {
        return size;
    }

    /** p in [0,100]; nearest-rank. */
    public synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1_000_000.0;
    }

    public String summary() {
        return String.format("n=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms", count(), percentileMillis(50),
                percentileMillis(95), percentileMillis(99), percentileMillis(100));
    }
}
