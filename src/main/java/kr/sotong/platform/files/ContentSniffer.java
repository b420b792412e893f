package kr.sotong.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

/**
 * Media type from the bytes (Tika's magic detection, no file name), refined for ZIP containers
 * (XLSX, DOCX, HWPX, ODF, EPUB) by looking at their entries.
 */
public final class ContentSniffer {

    private static final Tika TIKA = new Tika();

    private ContentSniffer() {
    }

    public static String sniff(Path file) throws IOException {
        String type;
        try (InputStream in = TikaInputStream.get(Files.newInputStream(file))) {
            type = TIKA.getDetector().detect(in, new Metadata()).getBaseType().toString();
        }
        if (type.equals("application/zip") || type.equals("application/x-tika-ooxml")) {
            type = refineZip(file, type);
        }
        return type;
    }

    private static String refineZip(Path file, String fallback) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null && mimetype.getSize() < 200) {
                try (InputStream in = zip.getInputStream(mimetype)) {
                    String m = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
                    if (m.startsWith("application/")) {
                        return m;
                    }
                }
            }
            boolean contentTypes = zip.getEntry("[Content_Types].xml") != null;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            int seen = 0;
            while (entries.hasMoreElements() && seen++ < 2000) {
                String name = entries.nextElement().getName();
                if (contentTypes && name.startsWith("xl/")) {
                    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                }
                if (contentTypes && name.startsWith("word/")) {
                    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                }
                if (contentTypes && name.startsWith("ppt/")) {
                    return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
                }
                if (name.endsWith(".class") || name.equals("META-INF/MANIFEST.MF") && !contentTypes) {
                    return "application/java-archive";
                }
            }
            return "application/zip";
        } catch (IOException e) {
            return fallback;
        }
    }
}
