package kr.sotong.press;

import java.time.Instant;

/**
 * A release as the public (and other modules) may see it: only once its 보도 시점 has passed. Never
 * carries anything embargoed.
 *
 * @param edition   1 = 원본, 2… = 정정
 * @param publicUrl path of the public page, e.g. {@code /press/123}
 */
public record PublishedRelease(long id, int edition, String title, String subtitle, String department,
                               Instant publishedAt, boolean correction, String publicUrl) {
}
