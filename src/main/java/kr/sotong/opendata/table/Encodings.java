package kr.sotong.opendata.table;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Detects the text encoding of office files: a BOM wins; then strict UTF-8; then CP949 (MS949, the superset of
 * EUC-KR that Korean Excel writes); then juniversalchardet's guess. Staff may override the result.
 */
public final class Encodings {

    public static final Charset CP949 = Charset.forName("x-windows-949");

    private Encodings() {
    }

    /** What was detected: the charset, and how many BOM bytes to skip. */
    public record Detected(Charset charset, int bomLength, String label) {
    }

    public static Detected detect(byte[] sample, int length) {
        if (length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF) {
            return new Detected(StandardCharsets.UTF_8, 3, "UTF-8 (BOM)");
        }
        if (length >= 2 && (sample[0] & 0xFF) == 0xFF && (sample[1] & 0xFF) == 0xFE) {
            return new Detected(StandardCharsets.UTF_16LE, 2, "UTF-16LE (BOM)");
        }
        if (length >= 2 && (sample[0] & 0xFF) == 0xFE && (sample[1] & 0xFF) == 0xFF) {
            return new Detected(StandardCharsets.UTF_16BE, 2, "UTF-16BE (BOM)");
        }
        int usable = trimIncompleteUtf8(sample, length);
        if (decodes(StandardCharsets.UTF_8, sample, usable)) {
            return new Detected(StandardCharsets.UTF_8, 0, "UTF-8");
        }
        if (decodes(CP949, sample, trimIncompleteCp949(sample, length))) {
            return new Detected(CP949, 0, "CP949");
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(sample, 0, length);
        detector.dataEnd();
        String guess = detector.getDetectedCharset();
        if (guess != null && Charset.isSupported(guess)) {
            return new Detected(Charset.forName(guess), 0, guess.toUpperCase(Locale.ROOT));
        }
        return new Detected(StandardCharsets.UTF_8, 0, "UTF-8");
    }

    /** Staff's override: utf-8, utf-8-sig, cp949, euc-kr, ms949 … */
    public static Charset named(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "utf-8", "utf8", "utf-8-sig", "utf-8 (bom)" -> StandardCharsets.UTF_8;
            case "cp949", "ms949", "euc-kr", "euckr", "x-windows-949", "windows-949" -> CP949;
            default -> {
                try {
                    yield Charset.forName(name.trim());
                } catch (RuntimeException e) {
                    throw new TableReadException("encoding-error", "알 수 없는 문자 인코딩입니다: " + name);
                }
            }
        };
    }

    public static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean decodes(Charset charset, byte[] bytes, int length) {
        try {
            strictDecoder(charset).decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The sample may end inside a multi-byte UTF-8 sequence: leave that tail out. */
    private static int trimIncompleteUtf8(byte[] b, int length) {
        int i = length - 1;
        int back = 0;
        while (i >= 0 && back < 4 && (b[i] & 0xC0) == 0x80) {
            i--;
            back++;
        }
        if (i < 0) {
            return length;
        }
        int lead = b[i] & 0xFF;
        int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return need > back + 1 ? i : length;
    }

    /** CP949 lead bytes are ≥ 0x81: an odd run of high bytes at the end means a cut character. */
    private static int trimIncompleteCp949(byte[] b, int length) {
        int i = length - 1;
        int high = 0;
        while (i >= 0 && (b[i] & 0xFF) >= 0x81) {
            high++;
            i--;
        }
        return high % 2 == 1 ? length - 1 : length;
    }
}
