package kr.sotong.education.catalogue;

import java.time.Instant;

/** One meeting of a course (회차). */
public record Session(long id, long courseId, int sessionNo, Instant startsAt, Instant endsAt, String topic,
                      String instructor) {

    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return startsAt.isBefore(otherEnd) && otherStart.isBefore(endsAt);
    }
}
