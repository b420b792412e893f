package kr.sotong.contests.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Recognises a file by its first bytes. Either one of the {@link MediaFormat}s we can check, or a named
 * kind we refuse with a useful message (HEIC, GIF, AVI …), or unknown.
 */
public record Signature(MediaFormat format, String otherKind) {

    static final int HEAD = 64;

    public boolean known() {
        return format != null;
    }

    public static Signature of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in.readNBytes(HEAD));
        }
    }

    public static Signature of(byte[] h) {
        if (h.length >= 3 && u(h, 0) == 0xFF && u(h, 1) == 0xD8 && u(h, 2) == 0xFF) {
            return new Signature(MediaFormat.JPEG, null);
        }
        if (h.length >= 8 && Arrays.equals(Arrays.copyOf(h, 8),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return new Signature(MediaFormat.PNG, null);
        }
        if (h.length >= 12 && ascii(h, 4, 4).equals("ftyp")) {
            String brand = ascii(h, 8, 4);
            return switch (brand) {
                case "qt  " -> new Signature(MediaFormat.MOV, null);
                case "M4A ", "M4B ", "M4P " -> new Signature(MediaFormat.M4A, null);
                case "heic", "heix", "hevc", "heim", "heis", "hevm", "mif1", "msf1", "avif" ->
                        new Signature(null, "HEIC/HEIF/AVIF 이미지");
                case "crx " -> new Signature(null, "Canon RAW(CR3) 이미지");
                default -> new Signature(MediaFormat.MP4, null);
            };
        }
        if (h.length >= 8) {
            String t = ascii(h, 4, 4);
            if (t.equals("moov") || t.equals("mdat") || t.equals("wide") || t.equals("free") || t.equals("skip")
                    || t.equals("pnot")) {
                return new Signature(MediaFormat.MOV, null); // classic QuickTime without ftyp
            }
        }
        if (h.length >= 4 && u(h, 0) == 0x1A && u(h, 1) == 0x45 && u(h, 2) == 0xDF && u(h, 3) == 0xA3) {
            String head = new String(h, StandardCharsets.ISO_8859_1);
            return new Signature(head.contains("webm") ? MediaFormat.WEBM : MediaFormat.MKV, null);
        }
        if (h.length >= 12 && ascii(h, 0, 4).equals("RIFF")) {
            String form = ascii(h, 8, 4);
            return switch (form) {
                case "WAVE" -> new Signature(MediaFormat.WAV, null);
                case "AVI " -> new Signature(null, "AVI 동영상");
                case "WEBP" -> new Signature(null, "WebP 이미지");
                default -> new Signature(null, null);
            };
        }
        if (h.length >= 4 && ascii(h, 0, 4).equals("fLaC")) {
            return new Signature(MediaFormat.FLAC, null);
        }
        if (h.length >= 3 && ascii(h, 0, 3).equals("ID3")) {
            return new Signature(MediaFormat.MP3, null);
        }
        if (h.length >= 4 && Mp3Frames.isFrameHeader(h, 0)) {
            return new Signature(MediaFormat.MP3, null);
        }
        if (h.length >= 4 && ascii(h, 0, 4).equals("OggS")) {
            return new Signature(null, "Ogg 오디오");
        }
        if (h.length >= 4 && (ascii(h, 0, 4).equals("GIF8"))) {
            return new Signature(null, "GIF 이미지");
        }
        if (h.length >= 2 && ascii(h, 0, 2).equals("BM")) {
            return new Signature(null, "BMP 이미지");
        }
        if (h.length >= 4 && (ascii(h, 0, 4).equals("II*\0") || ascii(h, 0, 4).equals("MM\0*"))) {
            return new Signature(null, "TIFF 이미지");
        }
        if (h.length >= 4 && ascii(h, 0, 4).equals("%PDF")) {
            return new Signature(null, "PDF 문서");
        }
        if (h.length >= 4 && u(h, 0) == 'P' && u(h, 1) == 'K' && u(h, 2) == 3 && u(h, 3) == 4) {
            return new Signature(null, "ZIP 압축 파일");
        }
        if (h.length >= 2 && u(h, 0) == 'M' && u(h, 1) == 'Z' || h.length >= 4 && u(h, 0) == 0x7F
                && ascii(h, 1, 3).equals("ELF")) {
            return new Signature(null, "실행 파일");
        }
        return new Signature(null, null);
    }

    static int u(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    static String ascii(byte[] b, int off, int len) {
        if (b.length < off + len) {
            return "";
        }
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }
}
