package kr.sotong.newsletter.ebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import kr.sotong.shared.DomainException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Fuzzing the PDF reader: a valid PDF with random bytes overwritten, truncated, or with an absurd page
 * size either renders (page images stay within the size cap) or is refused with a Korean
 * {@link DomainException} — never another exception.
 */
class PdfPagesFuzzTest {

    static byte[] valid;

    @BeforeContainer
    static void makePdf() throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 1; i <= 2; i++) {
                PDPage page = new PDPage(PDRectangle.A5);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                    cs.newLineAtOffset(40, 500);
                    cs.showText("Geumcheon page " + i);
                    cs.endText();
                }
            }
            doc.save(out);
            valid = out.toByteArray();
        }
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).tuple2()
                .map(t -> new int[] {t.get1(), t.get2()}).list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 40)
    void mutatedPdfsRenderOrFailInKorean(@ForAll("mutations") List<int[]> flips, @ForAll boolean truncate) throws Exception {
        byte[] bytes = valid.clone();
        for (int[] f : flips) {
            bytes[f[0] % bytes.length] = (byte) f[1];
        }
        if (truncate) {
            bytes = java.util.Arrays.copyOf(bytes, Math.max(10, bytes.length * 2 / 3));
        }
        assertRendersOrRefuses(bytes);
    }

    @Property(tries = 12)
    void hugeMediaBoxesAreRenderedWithinTheCap(@ForAll("sides") float side) throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage(new PDRectangle(side, side / 2)));
            doc.save(out);
            List<PdfPages.Page> pages = render(out.toByteArray());
            assertThat(pages).singleElement().satisfies(p -> {
                assertThat(Math.max(p.width(), p.height())).isLessThanOrEqualTo(PdfPages.MAX_SIDE);
                assertThat(p.png()).isNotEmpty();
            });
        }
    }

    @Provide
    Arbitrary<Float> sides() {
        return Arbitraries.floats().between(10f, 14_400f);
    }

    static void assertRendersOrRefuses(byte[] bytes) throws Exception {
        try {
            List<PdfPages.Page> pages = render(bytes);
            assertThat(pages).allSatisfy(p -> assertThat(Math.max(p.width(), p.height())).isLessThanOrEqualTo(PdfPages.MAX_SIDE));
        } catch (DomainException e) {
            assertThat(e.getMessage()).matches(".*(PDF|쪽).*[가-힣].*");
        }
    }

    static List<PdfPages.Page> render(byte[] bytes) throws Exception {
        File f = Files.createTempFile("fuzz-", ".pdf").toFile();
        try {
            Files.write(f.toPath(), bytes);
            List<PdfPages.Page> pages = new ArrayList<>();
            PdfPages.render(f, 72, 50, pages::add);
            return pages;
        } finally {
            Files.deleteIfExists(f.toPath());
        }
    }
}
