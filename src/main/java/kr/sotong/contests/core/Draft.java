package kr.sotong.contests.core;

import java.time.Instant;

/**
 * A resident's unfinished entry, step by step. Personal fields are ciphertext; {@code phoneHash} finds the
 * verified phone without decrypting.
 */
public record Draft(String id, long contestId, String eligibilityBasis, String birthDateEnc, String nameEnc,
                    String phoneEnc, String phoneHash, boolean phoneVerified, String emailEnc, String guardianNameEnc,
                    String guardianPhoneEnc, String title, String description, String aiService, String aiLicence,
                    String lyrics, boolean rightsStatement, String uploadId, boolean consentPrivacy, boolean consentUsage,
                    boolean consentGuardian, Instant expiresAt) {

    public boolean eligibilityDone() {
        return eligibilityBasis != null && birthDateEnc != null;
    }

    public boolean entrantDone() {
        return nameEnc != null && phoneVerified;
    }

    public boolean workDone() {
        return title != null && uploadId != null;
    }

    public boolean consentsDone() {
        return consentPrivacy && consentUsage;
    }
}
