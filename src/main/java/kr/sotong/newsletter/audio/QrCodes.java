package kr.sotong.newsletter.audio;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import kr.sotong.shared.DomainException;

/** QR codes (ZXing) for print: PNG for quick use, SVG for the designer (scales without blur). */
public final class QrCodes {

    /** Quiet zone in modules, as the QR standard asks. */
    static final int MARGIN = 4;

    private QrCodes() {
    }

    static BitMatrix matrix(String url, int size) {
        if (url == null || url.isBlank() || url.length() > 1000) {
            throw new DomainException("newsletter.qr.url", "QR 코드로 만들 주소가 올바르지 않습니다.");
        }
        try {
            return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, size, size, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.MARGIN, MARGIN));
        } catch (WriterException e) {
            throw new DomainException("newsletter.qr.failed", "QR 코드를 만들지 못했습니다: " + e.getMessage());
        }
    }

    /** A PNG of about {@code size} pixels square. */
    public static byte[] png(String url, int size) {
        BitMatrix m = matrix(url, Math.max(64, Math.min(size, 4000)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MatrixToImageWriter.writeToStream(m, "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An SVG with one unit per module: each dark run of a row is one {@code M x y h n v 1 h -n z} path. */
    public static String svg(String url, String title) {
        BitMatrix m = matrix(url, 0);
        int w = m.getWidth();
        int h = m.getHeight();
        StringBuilder d = new StringBuilder();
        for (int y = 0; y < h; y++) {
            int x = 0;
            while (x < w) {
                if (m.get(x, y)) {
                    int start = x;
                    while (x < w && m.get(x, y)) {
                        x++;
                    }
                    d.append('M').append(start).append(' ').append(y).append('h').append(x - start)
                            .append("v1h-").append(x - start).append('z');
                } else {
                    x++;
                }
            }
        }
        String safeTitle = title == null ? "QR" : title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + w + " " + h + "\" width=\"" + w
                + "mm\" height=\"" + h + "mm\" shape-rendering=\"crispEdges\" role=\"img\">"
                + "<title>" + safeTitle + "</title>"
                + "<rect width=\"" + w + "\" height=\"" + h + "\" fill=\"#ffffff\"/>"
                + "<path fill=\"#000000\" d=\"" + d + "\"/></svg>\n";
    }
}
