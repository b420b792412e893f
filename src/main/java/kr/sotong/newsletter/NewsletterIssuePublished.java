package kr.sotong.newsletter;

/**
 * An issue of 금천향기 was published on the public site. Listeners (e.g. signage, which can show the
 * cover) must be idempotent on {@code issueId}.
 *
 * @param yearMonth      e.g. {@code 2025-03}
 * @param coverSha256    the cover image in the platform file store (null if none)
 * @param publicUrl      path of the public e-book page, e.g. {@code /newsletter/2025-03}
 */
public record NewsletterIssuePublished(long issueId, int number, String yearMonth, String title, int pageCount,
                                       String coverSha256, String coverMediaType, String publicUrl) {
}
