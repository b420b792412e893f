package kr.sotong.contests.media;

import java.util.List;
import java.util.Map;

/**
 * What the content check found in an accepted file.
 *
 * @param details    human-readable facts for staff (camera, codec, sample rate …), in Korean labels
 * @param warnings   accepted but worth a look (location data, data appended after the image …)
 * @param phash      64-bit perceptual hash of a photo (null for other media)
 * @param frameHash  perceptual hash of a video's middle frame when ffmpeg is installed (else null)
 */
public record MediaReport(MediaFormat format, int width, int height, Long durationMs, Map<String, String> details,
                          List<String> warnings, Long phash, Long frameHash) {

    public MediaReport {
        details = details == null ? Map.of() : Map.copyOf(details);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** 20.0초 / 1분 05.3초 — rounded to 0.1 s, the precision of the duration rule. */
    public static String seconds(long ms) {
        long tenths = Math.round(ms / 100.0);
        long s = tenths / 10;
        long t = tenths % 10;
        if (s >= 100) {
            return (s / 60) + "분 " + String.format("%02d.%d", s % 60, t) + "초";
        }
        return s + "." + t + "초";
    }

    public String summary() {
        StringBuilder sb = new StringBuilder(format.label());
        if (width > 0 && height > 0) {
            sb.append(", ").append(width).append("×").append(height);
        }
        if (durationMs != null) {
            sb.append(", ").append(seconds(durationMs));
        }
        return sb.toString();
    }
}
