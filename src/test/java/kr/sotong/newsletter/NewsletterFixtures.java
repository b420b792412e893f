package kr.sotong.newsletter;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import kr.sotong.platform.PdfRenderer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** Test material: PDFs with Korean text, images (real, mislabelled, decompression bombs), unique issue keys. */
public final class NewsletterFixtures {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 5000) + 1000);

    private NewsletterFixtures() {
    }

    /** A unique issue number; its month (1990-01 + n) is unique too. */
    public static int uniqueNumber() {
        return NEXT.incrementAndGet();
    }

    public static String monthOf(int number) {
        int months = number % 1200;
        return String.format("%04d-%02d", 1990 + months / 12, months % 12 + 1);
    }

    /** A PDF of the given pages (one Korean paragraph each), made with the platform's Korean PDF renderer. */
    public static byte[] pdf(PdfRenderer renderer, List<String> pages) {
        StringBuilder html = new StringBuilder("<html><head><style>body{font-family:Korean;font-size:18pt}"
                + ".p + .p{page-break-before:always}</style></head><body>");
        for (String p : pages) {
            html.append("<div class=\"p\"><p>").append(p).append("</p></div>");
        }
        return renderer.render(html.append("</body></html>").toString());
    }

    /** The same PDF encrypted with a user password. */
    public static byte[] encrypted(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts like a PDF, then garbage. */
    public static byte[] corruptPdf() {
        byte[] garbage = new byte[4000];
        new java.util.Random(7).nextBytes(garbage);
        byte[] head = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(head.length + garbage.length);
        return b.put(head).put(garbage).array();
    }

    public static byte[] image(String format, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                img.setRGB(x, y, (x * 7 + y * 13) & 0xffffff);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A PNG whose header claims {@code width × height} pixels (a decompression bomb when large); the
     * image data is tiny. Readers that decode it would allocate gigabytes.
     */
    public static byte[] pngBomb(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A short valid WAV (silence), for "recorded" audio uploads. */
    public static byte[] wav(int millis) {
        int rate = 8000;
        int samples = rate * millis / 1000;
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate)
                .putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        return b.array();
    }
}
