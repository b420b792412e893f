package kr.sotong.press;

import java.time.Instant;

/** The press office queued a requested document for every opted-in recipient of the lists. */
public record DocumentDistributed(String requestKey, Instant distributedAt, int recipients) {
}
