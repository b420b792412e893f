package kr.sotong.contests.media;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Duration and basic facts of WAV and FLAC files, read from their headers in Java. */
final class AudioFormats {

    record Info(long durationMs, Map<String, String> details) {
    }

    private AudioFormats() {
    }

    static Info wav(Path file, long fileSize) throws IOException {
        try (Bytes b = new Bytes(file)) {
            b.skip(4);
            long riffSize = le32(b);
            b.skip(4); // WAVE
            if (riffSize + 8 > fileSize + 1) {
                throw Rejections.truncated("WAV 음원");
            }
            int channels = 0;
            long sampleRate = 0;
            long byteRate = 0;
            int bits = 0;
            Long dataSize = null;
            while (b.position() + 8 <= fileSize) {
                byte[] id = b.bytes(4);
                long size = le32(b);
                String chunk = new String(id, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (chunk.equals("fmt ")) {
                    if (size < 16) {
                        throw Rejections.reject("wav.bad-fmt", "WAV 음원의 형식 정보가 올바르지 않습니다.");
                    }
                    le16(b); // audio format
                    channels = le16(b);
                    sampleRate = le32(b);
                    byteRate = le32(b);
                    le16(b);
                    bits = le16(b);
                    b.skip(size - 16 + (size & 1));
                } else if (chunk.equals("data")) {
                    if (b.position() + size > fileSize) {
                        throw Rejections.truncated("WAV 음원");
                    }
                    dataSize = size;
                    b.skip(size + (size & 1 & (b.position() + size < fileSize ? 1 : 0)));
                } else {
                    if (b.position() + size > fileSize) {
                        throw Rejections.truncated("WAV 음원");
                    }
                    b.skip(size + (size & 1 & (b.position() + size < fileSize ? 1 : 0)));
                }
            }
            if (byteRate <= 0 || dataSize == null) {
                throw Rejections.reject("wav.incomplete", "WAV 음원에 형식 정보나 소리 데이터가 없습니다.");
            }
            return new Info(Math.round(dataSize * 1000.0 / byteRate), details(sampleRate, channels, bits));
        } catch (EOFException e) {
            throw Rejections.truncated("WAV 음원");
        }
    }

    private static Map<String, String> details(long sampleRate, int channels, int bits) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("샘플링", sampleRate + " Hz");
        d.put("채널", String.valueOf(channels));
        d.put("비트", bits + " bit");
        return d;
    }

    static Info flac(Path file, long fileSize) throws IOException {
        try (Bytes b = new Bytes(file)) {
            b.skip(4); // fLaC
            int header = b.u8();
            int type = header & 0x7F;
            int length = (b.u8() << 16) | (b.u8() << 8) | b.u8();
            if (type != 0 || length < 34) {
                throw Rejections.reject("flac.no-streaminfo", "FLAC 음원의 형식 정보(STREAMINFO)가 없습니다.");
            }
            b.skip(10);
            byte[] x = b.bytes(8);
            long sampleRate = ((x[0] & 0xFFL) << 12) | ((x[1] & 0xFFL) << 4) | ((x[2] & 0xF0L) >> 4);
            int channels = ((x[2] & 0x0E) >> 1) + 1;
            int bits = (((x[2] & 0x01) << 4) | ((x[3] & 0xF0) >> 4)) + 1;
            long total = ((x[3] & 0x0FL) << 32) | ((x[4] & 0xFFL) << 24) | ((x[5] & 0xFFL) << 16) | ((x[6] & 0xFFL) << 8)
                    | (x[7] & 0xFFL);
            b.skip(length - 18);
            boolean last = (header & 0x80) != 0;
            while (!last) {
                int h = b.u8();
                int len = (b.u8() << 16) | (b.u8() << 8) | b.u8();
                b.skip(len);
                last = (h & 0x80) != 0;
            }
            if (b.position() >= fileSize) {
                throw Rejections.reject("flac.no-audio", "FLAC 음원에 소리 데이터가 없습니다.");
            }
            if (sampleRate <= 0 || total <= 0) {
                throw Rejections.reject("flac.no-length", "FLAC 음원의 길이 정보가 없습니다.");
            }
            return new Info(Math.round(total * 1000.0 / sampleRate), details(sampleRate, channels, bits));
        } catch (EOFException e) {
            throw Rejections.truncated("FLAC 음원");
        }
    }

    private static long le32(Bytes b) throws IOException {
        return b.u8() | ((long) b.u8() << 8) | ((long) b.u8() << 16) | ((long) b.u8() << 24);
    }

    private static int le16(Bytes b) throws IOException {
        return b.u8() | (b.u8() << 8);
    }
}
