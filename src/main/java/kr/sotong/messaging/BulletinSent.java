package kr.sotong.messaging;

import java.time.Instant;

/**
 * A bulletin finished sending: every recipient's delivery row reached a final state. Published once per
 * bulletin; listeners must be idempotent on {@code bulletinId}.
 */
public record BulletinSent(long bulletinId, String title, SubscriberChannel channel, int recipients, int sent,
                           int failed, int optedOut, Instant finishedAt) {
}
