package kr.sotong.newsletter.ebook;

import kr.sotong.newsletter.EBook;
import kr.sotong.newsletter.support.FileResponses;
import kr.sotong.platform.FileStore;
import kr.sotong.shared.DomainException;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Public e-book viewer: page images, text version for screen readers, PDF download. */
@Controller
class EBookController {

    private final EBookService books;
    private final EBookViewer viewer;
    private final FileStore files;

    EBookController(EBookService books, EBookViewer viewer, FileStore files) {
        this.books = books;
        this.viewer = viewer;
        this.files = files;
    }

    @GetMapping("/ebooks/{id}")
    String view(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
        EBook book = books.visible(id);
        model.addAttribute("viewer", viewer.model(book, page, "/ebooks/" + id));
        return "newsletter/ebook";
    }

    @GetMapping("/ebooks/{id}/text")
    String text(@PathVariable long id, Model model) {
        EBook book = books.visible(id);
        model.addAttribute("book", book);
        model.addAttribute("pages", books.pages(id));
        return "newsletter/ebook-text";
    }

    @GetMapping("/ebooks/{id}/pages/{n}.png")
    ResponseEntity<Resource> image(@PathVariable long id, @PathVariable int n) {
        EBook book = books.visible(id);
        EBookService.PageView page = books.page(book.id(), n).orElseThrow(() -> DomainException.notFound("쪽", n));
        return FileResponses.immutable(files, page.imageSha256(), "image/png");
    }

    @GetMapping("/ebooks/{id}/pdf")
    ResponseEntity<Resource> pdf(@PathVariable long id) {
        EBook book = books.visible(id);
        return FileResponses.download(files, book.pdfSha256(), "application/pdf", book.title() + ".pdf");
    }
}
