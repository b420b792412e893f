package kr.sotong.newsletter.ebook;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import kr.sotong.shared.DomainException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Turns a PDF into page images (PNG, rendered with PDFBox) and the text of each page. The output size of
 * a page is capped whatever its media box says, so a hostile PDF cannot make us allocate a huge image.
 */
final class PdfPages {

    /** Longest side of a rendered page in pixels. */
    static final int MAX_SIDE = 2000;

    record Page(int number, byte[] png, int width, int height, String text) {
    }

    interface PageSink {
        void accept(Page page);
    }

    private PdfPages() {
    }

    /** Renders every page in order, handing each to {@code sink} (so pages never pile up in memory). */
    static int render(File pdf, int dpi, int maxPages, PageSink sink) {
        try (PDDocument doc = Loader.loadPDF(pdf, "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            if (doc.isEncrypted()) {
                throw encrypted();
            }
            int pages = doc.getNumberOfPages();
            if (pages == 0) {
                throw new DomainException("newsletter.pdf.empty", "PDF에 쪽이 하나도 없습니다.");
            }
            if (pages > maxPages) {
                throw new DomainException("newsletter.pdf.too-many-pages",
                        "PDF가 " + pages + "쪽으로, 전자책 한 권의 최대 쪽수(" + maxPages + "쪽)를 넘습니다.", pages, maxPages);
            }
            PDFRenderer renderer = new PDFRenderer(doc);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            for (int i = 0; i < pages; i++) {
                PDRectangle box = doc.getPage(i).getCropBox();
                float side = Math.max(Math.abs(box.getWidth()), Math.abs(box.getHeight()));
                if (side <= 0) {
                    throw corrupt(null);
                }
                float scale = Math.min(dpi / 72f, MAX_SIDE / side);
                BufferedImage image = renderer.renderImage(i, scale, ImageType.RGB);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                String text = clean(stripper.getText(doc));
                sink.accept(new Page(i + 1, png.toByteArray(), image.getWidth(), image.getHeight(), text));
                image.flush();
            }
            return pages;
        } catch (InvalidPasswordException e) {
            throw encrypted();
        } catch (DomainException e) {
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw corrupt(e);
        }
    }

    /** Trims trailing spaces, folds runs of blank lines, removes control characters. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String noControls = text.replace("\r\n", "\n").replace('\r', '\n')
                .replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").replace('\t', ' ');
        List<String> lines = new ArrayList<>();
        boolean blank = false;
        for (String line : noControls.split("\n", -1)) {
            String l = line.strip();
            if (l.isEmpty()) {
                if (!blank && !lines.isEmpty()) {
                    lines.add("");
                }
                blank = true;
            } else {
                lines.add(l);
                blank = false;
            }
        }
        return String.join("\n", lines).strip();
    }

    private static DomainException encrypted() {
        return new DomainException("newsletter.pdf.encrypted",
                "암호나 보안 설정이 걸린 PDF는 전자책으로 만들 수 없습니다. 보안을 해제한 PDF를 올려 주세요.");
    }

    private static DomainException corrupt(Throwable cause) {
        DomainException e = new DomainException("newsletter.pdf.corrupt",
                "PDF 파일이 손상되어 읽을 수 없습니다. 인쇄용 PDF를 다시 저장해서 올려 주세요.");
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }
}
