package kr.sotong.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import kr.sotong.newsletter.audio.QrCodes;
import kr.sotong.shared.DomainException;
import org.junit.jupiter.api.Test;

/** QR codes (PNG and SVG) decode back to the URL they were made for. */
public class QrCodesTest {

    static final String URL = "https://www.geumcheon.go.kr/newsletter/2025-03/audio";

    @Test
    void pngDecodesToTheUrl() throws Exception {
        byte[] png = QrCodes.png(URL, 400);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getWidth()).isGreaterThanOrEqualTo(400);
        assertThat(decode(img)).isEqualTo(URL);
    }

    @Test
    void svgDecodesToTheUrlWhenRasterised() throws Exception {
        String svg = QrCodes.svg(URL, "읽어주는 소식지 <3월호>");
        assertThat(svg).startsWith("<?xml").contains("<svg").contains("읽어주는 소식지 &lt;3월호&gt;");
        assertThat(decode(rasterise(svg, 8))).isEqualTo(URL);
    }

    @Test
    void koreanUrlsSurviveTheRoundTrip() throws Exception {
        String url = "https://example.kr/소식지/2025-03";
        assertThat(decode(ImageIO.read(new ByteArrayInputStream(QrCodes.png(url, 300))))).isEqualTo(url);
    }

    @Test
    void emptyUrlIsRefusedInKorean() {
        assertThatThrownBy(() -> QrCodes.png(" ", 300)).isInstanceOf(DomainException.class).hasMessageContaining("주소");
    }

    /** Decodes a QR code with ZXing (pure barcode search off: the decoder must find it like a phone). */
    public static String decode(BufferedImage image) throws NotFoundException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    public static String decode(byte[] png) throws IOException, NotFoundException {
        return decode(ImageIO.read(new ByteArrayInputStream(png)));
    }

    /** Paints our SVG (viewBox units, one path of M x y h n v1 h-n z runs) at {@code scale} pixels per module. */
    public static BufferedImage rasterise(String svg, int scale) {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).as("viewBox").isTrue();
        int w = Integer.parseInt(box.group(1));
        int h = Integer.parseInt(box.group(2));
        BufferedImage img = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(svg);
        int runs = 0;
        while (run.find()) {
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int n = Integer.parseInt(run.group(3));
            assertThat(run.group(4)).isEqualTo(run.group(3));
            g.fillRect(x * scale, y * scale, n * scale, scale);
            runs++;
        }
        g.dispose();
        assertThat(runs).isPositive();
        return img;
    }
}
