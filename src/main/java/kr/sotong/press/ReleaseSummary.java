package kr.sotong.press;

import java.time.Instant;

/** A row of the staff list of releases. */
public record ReleaseSummary(long id, ReleaseStatus status, int edition, String title, String ownerName,
                             Instant distributeAt, Instant embargoUntil, Instant updatedAt) {
}
