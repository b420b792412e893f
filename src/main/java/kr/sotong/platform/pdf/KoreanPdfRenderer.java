package kr.sotong.platform.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.sotong.platform.PdfRenderer;
import kr.sotong.platform.config.PlatformProperties;
import kr.sotong.shared.DomainException;
import org.springframework.stereotype.Service;

/** openhtmltopdf (PDFBox) with a Korean TrueType font registered as family "Korean". */
@Service
class KoreanPdfRenderer implements PdfRenderer {

    static final List<String> SYSTEM_FONTS = List.of(
            "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
            "/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf",
            "/usr/share/fonts/truetype/nanum/NanumMyeongjo.ttf",
            "/usr/share/fonts/opentype/noto/NotoSansKR-Regular.otf",
            "/usr/share/fonts/truetype/noto/NotoSansKR-Regular.ttf",
            "/usr/share/fonts/truetype/unfonts-core/UnDotum.ttf",
            "/Library/Fonts/NanumGothic.ttf",
            "C:/Windows/Fonts/malgun.ttf");

    private final String configured;

    KoreanPdfRenderer(PlatformProperties properties) {
        this.configured = properties.pdf().fontPath();
    }

    /** The font file to embed, searched in the configured path first. */
    Optional<Path> font() {
        List<String> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            if (Files.isDirectory(p)) {
                try (var files = Files.list(p)) {
                    files.filter(f -> f.toString().matches("(?i).*\\.(ttf|otf)$")).sorted()
                            .forEach(f -> candidates.add(f.toString()));
                } catch (IOException ignored) {
                    // fall through to system fonts
                }
            } else {
                candidates.add(configured);
            }
        }
        candidates.addAll(SYSTEM_FONTS);
        return candidates.stream().map(Path::of).filter(Files::isReadable).findFirst();
    }

    @Override
    public byte[] render(String xhtml) {
        Path font = font().orElseThrow(() -> new DomainException("pdf.font-missing",
                "PDF에 넣을 한글 글꼴을 찾지 못했습니다. 서버에 'fonts-nanum' 패키지를 설치하거나(apt-get install fonts-nanum) "
                        + "SOTONG_FONT_PATH에 .ttf 글꼴 파일 경로를 지정하세요."));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font.toFile(), "Korean");
            // parse as HTML5 (Thymeleaf output need not be well-formed XML)
            builder.withW3cDocument(new org.jsoup.helper.W3CDom().fromJsoup(org.jsoup.Jsoup.parse(xhtml)), "/");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("PDF를 만들지 못했습니다: " + e.getMessage(), e);
        }
    }
}
