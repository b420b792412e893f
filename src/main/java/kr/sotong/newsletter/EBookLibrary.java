package kr.sotong.newsletter;

import java.io.InputStream;
import java.util.Optional;

/**
 * E-books (PDF → page images rendered with PDFBox + a text version for screen readers, shown in the
 * accessible viewer under {@code /ebooks/{id}}). The newsletter uses it for issues; other modules (e.g.
 * campaigns for the 30th-anniversary guidebook) publish their own PDFs through it.
 */
public interface EBookLibrary {

    /**
     * Reads the PDF, renders every page and extracts its text, and stores the e-book (not yet public).
     * Corrupt, encrypted, empty or oversized PDFs are refused with a Korean
     * {@link kr.sotong.shared.DomainException}; nothing is kept in that case.
     *
     * @param owner the module that owns the e-book, e.g. {@code newsletter} or {@code campaigns}
     */
    EBook create(String title, String owner, InputStream pdf, String fileName);

    /** Makes the e-book visible on the public site (idempotent). */
    EBook publish(long ebookId);

    /** Takes the e-book off the public site (idempotent). */
    EBook unpublish(long ebookId);

    Optional<EBook> find(long ebookId);
}
