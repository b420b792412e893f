package kr.sotong.monitoring.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decodes feed and page bytes whatever they claim: a BOM wins; bytes that are valid UTF-8 with non-ASCII
 * content are UTF-8 even when EUC-KR is declared (a common misconfiguration); otherwise the declared charset
 * (HTTP header, XML declaration, HTML meta), then detection, then CP949 (the superset of EUC-KR).
 */
public final class Charsets {

    private static final Pattern HEADER = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_DECL = Pattern.compile("<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9_.:-]+)[\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern META = Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

    private Charsets() {
    }

    public record Decoded(String text, Charset charset, String declared) {
    }

    public static Decoded decode(byte[] bytes, String contentType) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, "BOM");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, "BOM");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, "BOM");
        }
        String declared = declared(bytes, contentType);
        if (hasNonAscii(bytes)) {
            String utf8 = strictUtf8(bytes);
            if (utf8 != null) {
                return new Decoded(utf8, StandardCharsets.UTF_8, declared);
            }
        } else {
            return new Decoded(new String(bytes, StandardCharsets.US_ASCII), StandardCharsets.UTF_8, declared);
        }
        Charset cs = charset(declared);
        if (cs != null && !cs.equals(StandardCharsets.UTF_8)) {
            return new Decoded(new String(bytes, cs), cs, declared);
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, Math.min(bytes.length, 64 * 1024));
        detector.dataEnd();
        Charset detected = charset(detector.getDetectedCharset());
        if (detected == null || detected.equals(StandardCharsets.UTF_8)) {
            detected = Charset.forName("x-windows-949");
        }
        return new Decoded(new String(bytes, detected), detected, declared);
    }

    static String declared(byte[] bytes, String contentType) {
        if (contentType != null) {
            Matcher m = HEADER.matcher(contentType);
            if (m.find()) {
                return m.group(1);
            }
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
        Matcher x = XML_DECL.matcher(head);
        if (x.find()) {
            return x.group(1);
        }
        Matcher meta = META.matcher(head);
        return meta.find() ? meta.group(1) : null;
    }

    private static Charset charset(String name) {
        if (name == null) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("euc-kr") || n.equals("ks_c_5601-1987") || n.equals("cp949") || n.equals("ms949") || n.equals("uhc")) {
            return Charset.forName("x-windows-949");
        }
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean hasNonAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
