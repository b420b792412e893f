package kr.sotong.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import kr.sotong.newsletter.ebook.EBookService;
import kr.sotong.platform.PdfRenderer;
import kr.sotong.shared.DomainException;
import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A PDF becomes page images and page texts; bad PDFs are refused in Korean and leave nothing behind. */
@SotongTest
class EBookTest {

    @Autowired
    EBookLibrary library;
    @Autowired
    EBookService service;
    @Autowired
    PdfRenderer renderer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void pdfBecomesPageImagesAndText() throws Exception {
        byte[] pdf = NewsletterFixtures.pdf(renderer, List.of("개청 30주년을 맞은 금천구", "가산디지털단지의 변화",
                "독산동 주민이 보내 온 사진"));
        EBook book = library.create("금천향기 시험호", "newsletter", new ByteArrayInputStream(pdf), "test.pdf");

        assertThat(book.pageCount()).isEqualTo(3);
        assertThat(book.published()).isFalse();
        List<EBookService.PageView> pages = service.pages(book.id());
        assertThat(pages).extracting(EBookService.PageView::number).containsExactly(1, 2, 3);
        assertThat(pages.get(0).text()).contains("개청 30주년을 맞은 금천구");
        assertThat(pages.get(1).text()).contains("가산디지털단지의 변화");
        assertThat(pages.get(2).text()).contains("독산동 주민이 보내 온 사진");
        for (EBookService.PageView p : pages) {
            assertThat(p.width()).isBetween(500, 2000);
            assertThat(p.height()).isGreaterThan(p.width());
        }

        // not public until published; staff preview aside
        mvc.perform(get("/ebooks/" + book.id())).andExpect(status().isNotFound());
        library.publish(book.id());
        mvc.perform(get("/ebooks/" + book.id()).param("page", "2")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("가산디지털단지의 변화")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("rel=\"prev\"")));
        mvc.perform(get("/ebooks/" + book.id() + "/text")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("독산동 주민이 보내 온 사진")));
        byte[] png = mvc.perform(get("/ebooks/" + book.id() + "/pages/1.png")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("immutable")))
                .andReturn().getResponse().getContentAsByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(pages.get(0).width());
        mvc.perform(get("/ebooks/" + book.id() + "/pdf")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
    }

    @Test
    void corruptEncryptedAndNonPdfFilesAreRefusedAndNothingIsSaved() {
        byte[] pdf = NewsletterFixtures.pdf(renderer, List.of("암호 시험"));
        long before = count();
        assertThatThrownBy(() -> library.create("손상", "newsletter",
                new ByteArrayInputStream(NewsletterFixtures.corruptPdf()), "broken.pdf"))
                .isInstanceOf(DomainException.class).hasMessageContaining("손상");
        assertThatThrownBy(() -> library.create("암호", "newsletter",
                new ByteArrayInputStream(NewsletterFixtures.encrypted(pdf)), "locked.pdf"))
                .isInstanceOf(DomainException.class).hasMessageContaining("암호");
        assertThatThrownBy(() -> library.create("사진", "newsletter",
                new ByteArrayInputStream(NewsletterFixtures.image("png", 20, 20)), "photo.pdf"))
                .isInstanceOf(DomainException.class).hasMessageContaining("PDF 파일이 아닙니다");
        assertThatThrownBy(() -> library.create("", "newsletter", new ByteArrayInputStream(pdf), "x.pdf"))
                .isInstanceOf(DomainException.class).hasMessageContaining("제목");
        assertThat(count()).isEqualTo(before);
    }

    private long count() {
        return jdbc.sql("select count(*) from newsletter_ebook").query(Long.class).single();
    }
}
