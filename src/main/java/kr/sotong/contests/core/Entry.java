package kr.sotong.contests.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import kr.sotong.contests.media.MediaFormat;
import kr.sotong.contests.media.MediaReport;

/**
 * An entry (응모작) as stored: personal data only as ciphertext ({@code …Enc}); decrypt through the services,
 * which log the access.
 */
public record Entry(long id, long contestId, String receiptNo, String blindCode, Long panelId, String title,
                    String description, EntryStatus status, String statusReason, String eligibilityBasis, String nameEnc,
                    String phoneEnc, String emailEnc, String birthDateEnc, boolean minor, String guardianNameEnc,
                    String guardianPhoneEnc, String aiService, String aiLicence, String lyrics, Media media,
                    String publicSha256, String publicType, String publicError, Instant submittedAt) {

    /** The stored work and what the content check found. */
    public record Media(String sha256, String mediaType, long size, String originalName, MediaFormat format, Integer width,
                        Integer height, Long durationMs, Long phash, Long frameHash, Map<String, String> details,
                        List<String> warnings) {

        public String summary() {
            StringBuilder sb = new StringBuilder(format.label());
            if (width != null && width > 0) {
                sb.append(", ").append(width).append("×").append(height);
            }
            if (durationMs != null) {
                sb.append(", ").append(MediaReport.seconds(durationMs));
            }
            return sb.toString();
        }

        public MediaFormat.Category category() {
            return format.category();
        }
    }

    public boolean active() {
        return status == EntryStatus.SUBMITTED;
    }

    public String basisLabel() {
        return switch (eligibilityBasis) {
            case "RESIDENT" -> "금천구 거주";
            case "WORKER" -> "금천구 소재 직장·학교";
            default -> "해당 없음(누구나 응모)";
        };
    }
}
