package kr.sotong.press;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import kr.dogfoot.hwpxlib.object.HWPXFile;
import kr.dogfoot.hwpxlib.reader.HWPXReader;
import kr.dogfoot.hwpxlib.tool.textextractor.TextExtractMethod;
import kr.dogfoot.hwpxlib.tool.textextractor.TextExtractor;
import kr.dogfoot.hwpxlib.tool.textextractor.TextMarks;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** HWPX and PDF in the standard layout open again and carry the text; dangerous uploads are refused by content. */
@SotongTest
class ExportsAndUploadsTest {

    @Autowired
    PressFixtures fx;
    @Autowired
    PressOffice office;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    @Test
    void hwpxAndPdfOpenAndContainTitleBodyAndContactTable() throws Exception {
        var t = fx.team();
        staff.runAs(t.drafter(), () -> {
            try {
                long id = office.create(PressFixtures.draft("금천구, 개청 30주년 가이드북 발간 <b>굵게</b>",
                        java.time.Instant.now().plus(Duration.ofHours(1)), java.time.Instant.now().plus(Duration.ofHours(2)),
                        fx.quietList()));
                office.addFile(id, "PHOTO", new ByteArrayInputStream(png()), "표지.png", "가이드북 표지를 든 주민");
                Path hwpx = Files.createTempFile("release", ".hwpx");
                Files.write(hwpx, office.hwpx(id));
                HWPXFile file = HWPXReader.fromFilepath(hwpx.toString());
                String text = TextExtractor.extract(file, TextExtractMethod.InsertControlTextBetweenParagraphText, true,
                        new TextMarks().paraSeparatorAnd("\n"));
                assertThat(text).contains("보 도 자 료").contains("금천구, 개청 30주년 가이드북 발간 <b>굵게</b>")
                        .contains("□ 금천구(구청장 유성훈)는").contains("- 금천구, 주민과 함께 준비 -");
                // the contact table: header cells and values
                assertThat(text).contains("담당 부서").contains("책임자").contains("담당자").contains("전화")
                        .contains("홍길동").contains("02-2627-1234");
                assertThat(text).contains("사진 1. 가이드북 표지를 든 주민");
                Files.delete(hwpx);

                byte[] pdf = office.pdf(id);
                try (var doc = Loader.loadPDF(pdf)) {
                    String pdfText = new PDFTextStripper().getText(doc);
                    assertThat(pdfText).contains("개청 30주년 가이드북 발간").contains("<b>굵게</b>").contains("홍길동")
                            .contains("사진 1. 가이드북 표지를 든 주민");
                    // the photo itself is embedded, not only its caption
                    int images = 0;
                    for (var page : doc.getPages()) {
                        for (var name : page.getResources().getXObjectNames()) {
                            if (page.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
                                images++;
                            }
                        }
                    }
                    assertThat(images).isGreaterThanOrEqualTo(1);
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void dangerousOrOversizedAttachmentsAreRefusedByContent() {
        var t = fx.team();
        staff.runAs(t.drafter(), () -> {
            long id = office.create(PressFixtures.draft("붙임 시험 " + PressFixtures.unique(),
                    java.time.Instant.now().plus(Duration.ofHours(1)), java.time.Instant.now().plus(Duration.ofHours(2)),
                    fx.quietList()));
            long before = jdbc.sql("select count(*) from press_release_file where release_id = :id").param("id", id)
                    .query(Long.class).single();
            byte[] exe = new byte[512];
            exe[0] = 'M';
            exe[1] = 'Z';
            assertThatThrownBy(() -> office.addFile(id, "ATTACHMENT", new ByteArrayInputStream(exe), "보도자료.pdf", null))
                    .hasMessageContaining("허용되지 않는");
            byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> office.addFile(id, "ATTACHMENT", new ByteArrayInputStream(html), "붙임.hwp", null))
                    .hasMessageContaining("허용되지 않는");
            byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> office.addFile(id, "PHOTO", new ByteArrayInputStream(svg), "사진.jpg", "설명"))
                    .hasMessageContaining("허용되지 않는");
            byte[] big = new byte[21 * 1024 * 1024];
            big[0] = '%';
            big[1] = 'P';
            big[2] = 'D';
            big[3] = 'F';
            assertThatThrownBy(() -> office.addFile(id, "ATTACHMENT", new ByteArrayInputStream(big), "큰파일.pdf", null))
                    .isInstanceOf(kr.sotong.shared.DomainException.class);
            // a photo needs a caption
            assertThatThrownBy(() -> office.addFile(id, "PHOTO", new ByteArrayInputStream(png()), "사진.png", " "))
                    .hasMessageContaining("설명");
            assertThat(jdbc.sql("select count(*) from press_release_file where release_id = :id").param("id", id)
                    .query(Long.class).single()).isEqualTo(before);
            office.addFile(id, "PHOTO", new ByteArrayInputStream(png()), "사진.png", "가이드북 표지");
            assertThat(office.files(id)).anyMatch(f -> f.photo() && f.caption().equals("가이드북 표지"));
        });
    }

    static byte[] png() {
        try {
            var img = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
