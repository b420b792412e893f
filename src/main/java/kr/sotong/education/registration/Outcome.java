package kr.sotong.education.registration;

import java.time.Instant;

/** What a resident or staff member is told after registering, claiming or cancelling. */
public record Outcome(long registrationId, long courseId, String courseTitle, RegistrationStatus status, Integer seatNo,
                      int waitlistPosition, Instant offerExpiresAt) {
}
