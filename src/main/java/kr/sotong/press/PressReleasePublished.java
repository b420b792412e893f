package kr.sotong.press;

import java.time.Instant;

/**
 * A press release became public: its embargo (보도 시점) has passed after distribution. Published once
 * per distributed version (a 정정 correction publishes again with {@code correction = true}).
 * Listeners (monitoring, signage …) must be idempotent on {@code (releaseId, version)}.
 *
 * @param bodyText  the body as plain text (□ / ㅇ / - / ※ lines), for coverage attribution and signage
 * @param publicUrl absolute path of the public page, e.g. {@code /press/123}
 */
public record PressReleasePublished(long releaseId, int version, String title, String subtitle, String bodyText,
                                    String department, Instant embargoUntil, Instant publishedAt, boolean correction,
                                    String publicUrl) {
}
