package kr.sotong.platform;

import java.time.Instant;

/**
 * Six-digit one-time codes that prove a resident holds a phone number or e-mail address (double opt-in,
 * registration, status pages). Codes are sent through {@link Notifications}, stored only as hashes,
 * expire after 10 minutes, allow 5 attempts and are rate-limited per destination.
 */
public interface OneTimeCodes {

    /** Sends a new code. {@code destination} is a phone number (SMS) or an e-mail address. */
    Issued issue(String purpose, String destination);

    /**
     * Checks and consumes a code. Throws a {@link kr.sotong.shared.DomainException} with a Korean reason
     * when the code is wrong, expired, already used or tried too often.
     */
    void verify(String purpose, String destination, String code);

    /** @param maskedDestination e.g. {@code 010-****-5678} for the confirmation message */
    record Issued(String maskedDestination, Instant expiresAt) {
    }
}
