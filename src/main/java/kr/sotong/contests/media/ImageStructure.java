package kr.sotong.contests.media;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Walks the structure of a JPEG (markers up to EOI) or PNG (chunks up to IEND) without decoding pixels:
 * declared dimensions for the decompression-bomb guard, and where the image really ends (data after that
 * is a trailer, possibly a polyglot).
 */
record ImageStructure(int width, int height, long end) {

    static ImageStructure of(Path file, MediaFormat format) throws IOException {
        return switch (format) {
            case JPEG -> jpeg(file);
            case PNG -> png(file);
            default -> throw new IllegalArgumentException(format.name());
        };
    }

    static ImageStructure jpeg(Path file) throws IOException {
        try (Bytes b = new Bytes(file)) {
            if (b.u8() != 0xFF || b.u8() != 0xD8) {
                throw Rejections.reject("jpeg.no-soi", "JPEG 파일의 시작 표식이 없습니다.");
            }
            int width = -1;
            int height = -1;
            int pending = -1; // marker found while scanning entropy-coded data
            while (true) {
                int marker;
                if (pending >= 0) {
                    marker = pending;
                    pending = -1;
                } else {
                    int ff = b.u8();
                    if (ff != 0xFF) {
                        throw Rejections.reject("jpeg.bad-marker", "JPEG 구조가 올바르지 않습니다(표식 오류).");
                    }
                    marker = b.u8();
                    while (marker == 0xFF) {
                        marker = b.u8(); // fill bytes
                    }
                }
                if (marker == 0xD9) {
                    break; // EOI
                }
                if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                    continue; // standalone markers
                }
                int len = b.u16();
                if (len < 2) {
                    throw Rejections.reject("jpeg.bad-length", "JPEG 구조가 올바르지 않습니다(구간 길이 오류).");
                }
                boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
                if (sof) {
                    if (len < 8) {
                        throw Rejections.reject("jpeg.bad-sof", "JPEG 이미지 정보(SOF)가 올바르지 않습니다.");
                    }
                    b.u8(); // precision
                    int h = b.u16();
                    int w = b.u16();
                    b.skip(len - 2 - 5);
                    if (width < 0) {
                        width = w;
                        height = h;
                    }
                } else if (marker == 0xDA) {
                    b.skip(len - 2);
                    pending = scanEntropy(b);
                } else {
                    b.skip(len - 2);
                }
            }
            if (width <= 0 || height <= 0) {
                throw Rejections.reject("jpeg.no-size", "JPEG 이미지의 크기 정보가 없습니다.");
            }
            return new ImageStructure(width, height, b.position());
        } catch (EOFException e) {
            throw Rejections.truncated("JPEG");
        }
    }

    /** Skips entropy-coded data; returns the marker that ends it. */
    private static int scanEntropy(Bytes b) throws IOException {
        while (true) {
            int c = b.u8();
            if (c != 0xFF) {
                continue;
            }
            int m = b.u8();
            while (m == 0xFF) {
                m = b.u8();
            }
            if (m == 0x00 || m >= 0xD0 && m <= 0xD7) {
                continue; // stuffed byte or restart marker
            }
            return m;
        }
    }

    static ImageStructure png(Path file) throws IOException {
        try (Bytes b = new Bytes(file)) {
            b.skip(8);
            int width = -1;
            int height = -1;
            boolean first = true;
            boolean idat = false;
            while (true) {
                long len = b.u32();
                byte[] type = b.bytes(4);
                String t = new String(type, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (len > Integer.MAX_VALUE || !t.chars().allMatch(Character::isLetter)) {
                    throw Rejections.reject("png.bad-chunk", "PNG 구조가 올바르지 않습니다(구간 오류).");
                }
                if (first) {
                    if (!t.equals("IHDR") || len != 13) {
                        throw Rejections.reject("png.no-ihdr", "PNG 이미지 정보(IHDR)가 없습니다.");
                    }
                    byte[] data = b.bytes(13);
                    long crc = b.u32();
                    CRC32 c = new CRC32();
                    c.update(type);
                    c.update(data);
                    if (c.getValue() != crc) {
                        throw Rejections.reject("png.bad-crc", "PNG 이미지 정보가 손상되었습니다(CRC 불일치).");
                    }
                    width = (int) Math.min(Integer.MAX_VALUE, be32(data, 0));
                    height = (int) Math.min(Integer.MAX_VALUE, be32(data, 4));
                    first = false;
                    continue;
                }
                if (t.equals("IDAT")) {
                    idat = true;
                }
                b.skip(len + 4); // data + CRC
                if (t.equals("IEND")) {
                    break;
                }
            }
            if (!idat) {
                throw Rejections.reject("png.no-data", "PNG 파일에 그림 데이터가 없습니다.");
            }
            if (width <= 0 || height <= 0) {
                throw Rejections.reject("png.no-size", "PNG 이미지의 크기 정보가 올바르지 않습니다.");
            }
            return new ImageStructure(width, height, b.position());
        } catch (EOFException e) {
            throw Rejections.truncated("PNG");
        }
    }

    private static long be32(byte[] d, int off) {
        return ((long) (d[off] & 0xFF) << 24) | ((d[off + 1] & 0xFF) << 16) | ((d[off + 2] & 0xFF) << 8) | (d[off + 3] & 0xFF);
    }
}
