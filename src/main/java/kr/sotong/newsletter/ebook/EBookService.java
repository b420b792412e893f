package kr.sotong.newsletter.ebook;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.sotong.newsletter.EBook;
import kr.sotong.newsletter.EBookLibrary;
import kr.sotong.newsletter.support.MediaUploads;
import kr.sotong.newsletter.support.NewsletterProperties;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.platform.StoredFile;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The e-book library: PDF in, page images and texts stored, one row per page. */
@Service
public class EBookService implements EBookLibrary {

    /** A page of an e-book for the viewer. */
    public record PageView(int number, String imageSha256, int width, int height, String text) {
    }

    private final JdbcClient jdbc;
    private final FileStore files;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final NewsletterProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    EBookService(JdbcClient jdbc, FileStore files, AuditLog audit, StaffDirectory staff,
                 NewsletterProperties properties, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.files = files;
        this.audit = audit;
        this.staff = staff;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public EBook create(String title, String owner, InputStream pdf, String fileName) {
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > 200) {
            throw new DomainException("newsletter.ebook.title", "전자책 제목을 200자 이내로 입력해 주세요.");
        }
        if (owner == null || !owner.matches("[a-z]{2,40}")) {
            throw new IllegalArgumentException("owner must be a module name: " + owner);
        }
        StoredFile stored = files.store(pdf, fileName, properties.ebook().maxPdfSize().toBytes());
        MediaUploads.requirePdf(stored);
        List<PageView> pages = new ArrayList<>();
        PdfPages.render(files.path(stored.sha256()).toFile(), properties.ebook().dpi(), properties.ebook().maxPages(),
                page -> {
                    StoredFile image = files.store(new ByteArrayInputStream(page.png()),
                            "page-" + page.number() + ".png", Long.MAX_VALUE);
                    pages.add(new PageView(page.number(), image.sha256(), page.width(), page.height(), page.text()));
                });
        String actor = staff.currentActor();
        Long id = tx.execute(s -> {
            long ebookId = jdbc.sql("""
                            insert into newsletter_ebook (title, owner, pdf_sha256, pdf_name, page_count, created_by, created_at)
                            values (:t, :o, :sha, :name, :pages, :by, :at) returning id""")
                    .param("t", cleanTitle).param("o", owner).param("sha", stored.sha256())
                    .param("name", stored.originalName()).param("pages", pages.size()).param("by", actor)
                    .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
            for (PageView p : pages) {
                jdbc.sql("""
                                insert into newsletter_ebook_page (ebook_id, page_no, image_sha256, width, height, text)
                                values (:e, :n, :img, :w, :h, :text)""")
                        .param("e", ebookId).param("n", p.number()).param("img", p.imageSha256()).param("w", p.width())
                        .param("h", p.height()).param("text", p.text()).update();
            }
            audit.record("newsletter.ebook.created", "EBook", ebookId,
                    "전자책 '" + cleanTitle + "' 생성 (" + pages.size() + "쪽, " + owner + ")");
            return ebookId;
        });
        return find(id).orElseThrow();
    }

    @Override
    @Transactional
    public EBook publish(long ebookId) {
        return setPublished(ebookId, true);
    }

    @Override
    @Transactional
    public EBook unpublish(long ebookId) {
        return setPublished(ebookId, false);
    }

    private EBook setPublished(long ebookId, boolean published) {
        EBook book = find(ebookId).orElseThrow(() -> DomainException.notFound("전자책", ebookId));
        if (book.published() == published) {
            return book;
        }
        jdbc.sql("update newsletter_ebook set published = :p, published_at = :at where id = :id")
                .param("p", published).param("at", published ? Timestamp.from(clock.instant()) : null)
                .param("id", ebookId).update();
        audit.record(published ? "newsletter.ebook.published" : "newsletter.ebook.unpublished", "EBook", ebookId,
                "전자책 '" + book.title() + "' " + (published ? "공개" : "비공개"));
        return find(ebookId).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<EBook> find(long ebookId) {
        return jdbc.sql("""
                        select e.id, e.title, e.owner, e.page_count, e.published, e.pdf_sha256,
                               (select image_sha256 from newsletter_ebook_page p where p.ebook_id = e.id and p.page_no = 1)
                          from newsletter_ebook e where e.id = :id""")
                .param("id", ebookId)
                .query((rs, i) -> new EBook(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBoolean(5), rs.getString(6), rs.getString(7), "/ebooks/" + rs.getLong(1),
                        "/ebooks/" + rs.getLong(1) + "/text"))
                .optional();
    }

    @Transactional(readOnly = true)
    public List<PageView> pages(long ebookId) {
        return jdbc.sql("""
                        select page_no, image_sha256, width, height, text from newsletter_ebook_page
                         where ebook_id = :id order by page_no""")
                .param("id", ebookId)
                .query((rs, i) -> new PageView(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5)))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<PageView> page(long ebookId, int number) {
        return jdbc.sql("""
                        select page_no, image_sha256, width, height, text from newsletter_ebook_page
                         where ebook_id = :id and page_no = :n""")
                .param("id", ebookId).param("n", number)
                .query((rs, i) -> new PageView(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5)))
                .optional();
    }

    /** The e-book if the public may see it, or staff is signed in (preview). */
    public EBook visible(long ebookId) {
        EBook book = find(ebookId).orElseThrow(() -> DomainException.notFound("전자책", ebookId));
        if (!book.published() && staff.current().isEmpty()) {
            throw DomainException.notFound("전자책", ebookId);
        }
        return book;
    }
}
