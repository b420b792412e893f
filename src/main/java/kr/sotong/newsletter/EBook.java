package kr.sotong.newsletter;

/**
 * An e-book as other modules see it.
 *
 * @param viewerUrl    path of the accessible viewer, e.g. {@code /ebooks/12}
 * @param textUrl      path of the text version for screen readers
 * @param coverSha256  the first page's image in the platform file store
 */
public record EBook(long id, String title, String owner, int pageCount, boolean published, String pdfSha256,
                    String coverSha256, String viewerUrl, String textUrl) {
}
