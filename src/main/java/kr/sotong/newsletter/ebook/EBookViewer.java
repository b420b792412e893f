package kr.sotong.newsletter.ebook;

import java.util.List;
import java.util.stream.IntStream;
import kr.sotong.newsletter.EBook;
import org.springframework.stereotype.Component;

/**
 * Builds the model of the accessible e-book viewer (fragment {@code newsletter/ebook-viewer :: viewer}),
 * used by the e-book pages and by the newsletter issue page.
 */
@Component
public class EBookViewer {

    /**
     * @param basePath the page the viewer sits on; page links are {@code basePath?page=n}
     */
    public record Model(EBook book, int pageNumber, EBookService.PageView page, String imageUrl, String prevUrl,
                        String nextUrl, String basePath, String textUrl, String pdfUrl, List<Integer> pageNumbers) {
    }

    private final EBookService books;

    EBookViewer(EBookService books) {
        this.books = books;
    }

    /** Page numbers outside the book are clamped to the first or last page. */
    public Model model(EBook book, Integer requestedPage, String basePath) {
        int n = requestedPage == null ? 1 : Math.max(1, Math.min(book.pageCount(), requestedPage));
        EBookService.PageView page = books.page(book.id(), n).orElseThrow();
        String prev = n > 1 ? basePath + "?page=" + (n - 1) : null;
        String next = n < book.pageCount() ? basePath + "?page=" + (n + 1) : null;
        return new Model(book, n, page, "/ebooks/" + book.id() + "/pages/" + n + ".png", prev, next, basePath,
                book.textUrl(), "/ebooks/" + book.id() + "/pdf",
                IntStream.rangeClosed(1, book.pageCount()).boxed().toList());
    }
}
