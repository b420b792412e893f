package kr.sotong.signage.schedule;

import java.time.LocalDate;
import kr.sotong.signage.content.ContentKind;

/** One approved content item in a playlist, with how long it stays on screen and its validity dates. */
public record PlayItem(long contentId, ContentKind kind, int seconds, LocalDate validFrom, LocalDate validUntil) {

    public PlayItem {
        if (seconds <= 0) {
            throw new IllegalArgumentException("duration must be positive: " + seconds);
        }
    }

    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validUntil == null || !day.isAfter(validUntil));
    }
}
