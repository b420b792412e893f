package kr.sotong.signage.schedule;

import java.time.Instant;

/**
 * A device's schedule as sent to players: JSON bytes and a strong ETag derived from them. Devices with the
 * same schedule share one document.
 */
public record ScheduleDocument(String etag, byte[] json, Instant windowFrom, Instant windowTo, int segments) {
}
