package kr.sotong.signage.schedule;

import java.time.Instant;

/** A stretch of time [from, to) during which a device's effective playlist does not change. */
public record Segment(Instant from, Instant to, Resolution resolution) {
}
