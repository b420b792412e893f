package kr.sotong.contests.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MP3 duration in Java: skips ID3v2, trusts a Xing/Info or VBRI header when present, otherwise walks every
 * frame header (constant or variable bit rate). A last frame running past the end means a cut-off file.
 */
final class Mp3Frames {

    private static final int[][] BITRATES = {
            {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // MPEG1 L1
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},    // MPEG1 L2
            {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},     // MPEG1 L3
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},    // MPEG2 L1
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}};        // MPEG2 L2/L3
    private static final int[][] RATES = {{11025, 12000, 8000}, {0, 0, 0}, {22050, 24000, 16000}, {44100, 48000, 32000}};

    record Frame(int version, int layer, int bitrate, int sampleRate, int length, int samples, boolean mono) {
    }

    record Info(long durationMs, Map<String, String> details) {
    }

    private Mp3Frames() {
    }

    static boolean isFrameHeader(byte[] b, int off) {
        return off + 4 <= b.length && header(b[off] & 0xFF, b[off + 1] & 0xFF, b[off + 2] & 0xFF, b[off + 3] & 0xFF) != null;
    }

    static Frame header(int b0, int b1, int b2, int b3) {
        if (b0 != 0xFF || (b1 & 0xE0) != 0xE0) {
            return null;
        }
        int version = (b1 >> 3) & 3;
        int layerBits = (b1 >> 1) & 3;
        int bitrateIndex = (b2 >> 4) & 0xF;
        int rateIndex = (b2 >> 2) & 3;
        if (version == 1 || layerBits == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
            return null;
        }
        int layer = 4 - layerBits;
        boolean mpeg1 = version == 3;
        int table = mpeg1 ? layer - 1 : (layer == 1 ? 3 : 4);
        int bitrate = BITRATES[table][bitrateIndex] * 1000;
        int rate = RATES[version][rateIndex];
        int padding = (b2 >> 1) & 1;
        int samples = layer == 1 ? 384 : (layer == 3 && !mpeg1 ? 576 : 1152);
        int length = layer == 1 ? (12 * bitrate / rate + padding) * 4 : samples / 8 * bitrate / rate + padding;
        boolean mono = ((b3 >> 6) & 3) == 3;
        return length < 4 ? null : new Frame(version, layer, bitrate, rate, length, samples, mono);
    }

    static Info read(Path file, long fileSize) throws IOException {
        long start = 0;
        byte[] head = Polyglots.read(file, 0, (int) Math.min(fileSize, 10));
        if (head.length >= 10 && head[0] == 'I' && head[1] == 'D' && head[2] == '3') {
            long size = ((head[6] & 0x7FL) << 21) | ((head[7] & 0x7FL) << 14) | ((head[8] & 0x7FL) << 7) | (head[9] & 0x7FL);
            start = 10 + size + ((head[5] & 0x10) != 0 ? 10 : 0);
            if (start >= fileSize) {
                throw Rejections.reject("mp3.no-audio", "MP3 파일에 소리 데이터가 없습니다(태그만 있음).");
            }
        }
        long first = findFirstFrame(file, start, fileSize);
        byte[] fh = Polyglots.read(file, first, (int) Math.min(4 + 32 + 16, fileSize - first));
        Frame f = header(fh[0] & 0xFF, fh[1] & 0xFF, fh[2] & 0xFF, fh[3] & 0xFF);
        Map<String, String> d = new LinkedHashMap<>();
        d.put("샘플링", f.sampleRate() + " Hz");
        d.put("채널", f.mono() ? "1" : "2");
        // Xing/Info (VBR and LAME CBR) or VBRI header in the first frame
        int side = f.version() == 3 ? (f.mono() ? 17 : 32) : (f.mono() ? 9 : 17);
        long frames = -1;
        String tag = new String(fh, Math.min(4 + side, fh.length), Math.max(0, Math.min(4, fh.length - 4 - side)),
                StandardCharsets.ISO_8859_1);
        if ((tag.equals("Xing") || tag.equals("Info")) && fh.length >= 4 + side + 12) {
            int flags = ((fh[4 + side + 4] & 0xFF) << 24) | ((fh[4 + side + 5] & 0xFF) << 16) | ((fh[4 + side + 6] & 0xFF) << 8)
                    | (fh[4 + side + 7] & 0xFF);
            if ((flags & 1) != 0) {
                frames = ((fh[4 + side + 8] & 0xFFL) << 24) | ((fh[4 + side + 9] & 0xFFL) << 16)
                        | ((fh[4 + side + 10] & 0xFFL) << 8) | (fh[4 + side + 11] & 0xFFL);
            }
        } else if (fh.length >= 4 + 32 + 18 && new String(fh, 36, 4, StandardCharsets.ISO_8859_1).equals("VBRI")) {
            frames = ((fh[50] & 0xFFL) << 24) | ((fh[51] & 0xFFL) << 16) | ((fh[52] & 0xFFL) << 8) | (fh[53] & 0xFFL);
        }
        long walked = walk(file, first, fileSize);
        long samples = frames > 0 ? frames * f.samples() : walked;
        d.put("비트레이트", (f.bitrate() / 1000) + " kbps" + (frames > 0 && tag.equals("Xing") ? " (가변)" : ""));
        return new Info(Math.round(samples * 1000.0 / f.sampleRate()), d);
    }

    private static long findFirstFrame(Path file, long from, long fileSize) throws IOException {
        int window = (int) Math.min(fileSize - from, 64 * 1024);
        byte[] buf = Polyglots.read(file, from, window);
        for (int i = 0; i + 4 <= buf.length; i++) {
            Frame f = header(buf[i] & 0xFF, buf[i + 1] & 0xFF, buf[i + 2] & 0xFF, buf[i + 3] & 0xFF);
            if (f == null) {
                continue;
            }
            long next = from + i + f.length();
            if (next + 4 > fileSize) {
                if (i == 0 && next == fileSize) {
                    return from; // a single frame file
                }
                continue;
            }
            byte[] n = Polyglots.read(file, next, 4);
            if (header(n[0] & 0xFF, n[1] & 0xFF, n[2] & 0xFF, n[3] & 0xFF) != null) {
                return from + i;
            }
        }
        throw Rejections.reject("mp3.no-frames", "MP3 소리 데이터를 찾을 수 없습니다: 손상되었거나 MP3가 아닙니다.");
    }

    /**
     * Walks frame headers from {@code first}; returns the number of samples. Stops at an ID3v1/APE tag; a frame
     * that runs past the end of the file, or unknown data filling more than a tenth of it, is a damaged file.
     */
    private static long walk(Path file, long first, long fileSize) throws IOException {
        long samples = 0;
        try (Bytes b = new Bytes(file)) {
            b.skip(first);
            long pos = first;
            while (pos + 4 <= fileSize) {
                int b0 = b.u8();
                int b1 = b.u8();
                int b2 = b.u8();
                int b3 = b.u8();
                Frame f = header(b0, b1, b2, b3);
                if (f == null) {
                    boolean tag = b0 == 'T' && b1 == 'A' && b2 == 'G' || b0 == 'A' && b1 == 'P' && b2 == 'E'
                            || b0 == 'L' && b1 == 'Y' && b2 == 'R';
                    if (!tag && fileSize - pos > fileSize / 10) {
                        throw Rejections.reject("mp3.corrupt", "MP3 파일 중간에 알 수 없는 데이터가 있습니다: 손상된 파일입니다.");
                    }
                    return samples;
                }
                if (pos + f.length() > fileSize) {
                    throw Rejections.truncated("MP3 음원");
                }
                samples += f.samples();
                b.skip(f.length() - 4);
                pos += f.length();
            }
        }
        return samples;
    }
}
