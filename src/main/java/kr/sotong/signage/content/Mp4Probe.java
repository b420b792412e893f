package kr.sotong.signage.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads duration and picture size from an MP4 (ISO base media) file by walking its boxes: {@code ftyp}
 * first, {@code moov/mvhd} for the duration, {@code moov/trak/tkhd} of the video track for width and
 * height, and an {@code mdat} with the media. Every declared size is checked against the file before
 * anything is read, and the movie header is read into memory only up to 32 MB, so a corrupt or hostile
 * file cannot make it allocate or loop without bound. Throws {@link Corrupt} with a reason.
 */
final class Mp4Probe {

    static final long MAX_MOOV = 32L * 1024 * 1024;

    /** @param brands the major and compatible brands of {@code ftyp} (e.g. isom, mp42, qt) */
    record Facts(long durationMs, int width, int height, boolean hasVideo, boolean hasAudio, java.util.Set<String> brands) {
    }

    static final class Corrupt extends Exception {
        Corrupt(String message) {
            super(message);
        }
    }

    private Mp4Probe() {
    }

    static Facts probe(Path file) throws IOException, Corrupt {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long pos = 0;
            boolean first = true;
            boolean mdat = false;
            ByteBuffer moov = null;
            java.util.Set<String> brands = new java.util.LinkedHashSet<>();
            int boxes = 0;
            while (pos < size) {
                if (++boxes > 10_000) {
                    throw new Corrupt("상자(box)가 지나치게 많습니다");
                }
                if (size - pos < 8) {
                    throw new Corrupt("파일 끝이 잘렸습니다");
                }
                ByteBuffer h = ByteBuffer.allocate(16);
                h.limit((int) Math.min(16, size - pos));
                readFully(ch, h, pos);
                h.flip();
                long boxSize = Integer.toUnsignedLong(h.getInt());
                String type = fourCC(h.getInt());
                int header = 8;
                if (boxSize == 1) {
                    if (h.remaining() < 8) {
                        throw new Corrupt("파일 끝이 잘렸습니다");
                    }
                    boxSize = h.getLong();
                    header = 16;
                } else if (boxSize == 0) {
                    boxSize = size - pos;
                }
                if (boxSize < header || boxSize > size - pos) {
                    throw new Corrupt("'" + printable(type) + "' 상자의 크기가 파일과 맞지 않습니다");
                }
                if (first) {
                    if (!type.equals("ftyp")) {
                        throw new Corrupt("MP4 파일의 첫 부분(ftyp)이 없습니다");
                    }
                    first = false;
                    long body = Math.min(boxSize - header, 256);
                    ByteBuffer f = ByteBuffer.allocate((int) body);
                    readFully(ch, f, pos + header);
                    f.flip();
                    if (f.remaining() >= 8) {
                        brands.add(fourCC(f.getInt()).strip());
                        f.getInt(); // minor version
                        while (f.remaining() >= 4) {
                            brands.add(fourCC(f.getInt()).strip());
                        }
                    }
                }
                if (type.equals("mdat")) {
                    mdat = true;
                } else if (type.equals("moov")) {
                    long body = boxSize - header;
                    if (body > MAX_MOOV) {
                        throw new Corrupt("영상 정보(moov)가 지나치게 큽니다");
                    }
                    moov = ByteBuffer.allocate((int) body);
                    readFully(ch, moov, pos + header);
                    moov.flip();
                }
                pos += boxSize;
            }
            if (first) {
                throw new Corrupt("빈 파일입니다");
            }
            if (moov == null) {
                throw new Corrupt("영상 정보(moov)가 없습니다");
            }
            if (!mdat) {
                throw new Corrupt("영상 데이터(mdat)가 없습니다");
            }
            Facts f = parseMoov(moov);
            return new Facts(f.durationMs(), f.width(), f.height(), f.hasVideo(), f.hasAudio(), brands);
        }
    }

    private static Facts parseMoov(ByteBuffer moov) throws Corrupt {
        long timescale = 0;
        long duration = -1;
        int width = 0;
        int height = 0;
        boolean video = false;
        boolean audio = false;
        while (moov.remaining() >= 8) {
            Box b = next(moov);
            if (b.type.equals("mvhd")) {
                ByteBuffer m = b.body;
                need(m, 4);
                int version = m.get() & 0xff;
                m.position(m.position() + 3);
                if (version == 1) {
                    need(m, 28);
                    m.position(m.position() + 16);
                    timescale = Integer.toUnsignedLong(m.getInt());
                    duration = m.getLong();
                } else {
                    need(m, 16);
                    m.position(m.position() + 8);
                    timescale = Integer.toUnsignedLong(m.getInt());
                    duration = Integer.toUnsignedLong(m.getInt());
                }
            } else if (b.type.equals("trak")) {
                Track t = parseTrak(b.body);
                if (t.handler.equals("vide") && !video) {
                    video = true;
                    width = t.width;
                    height = t.height;
                } else if (t.handler.equals("soun")) {
                    audio = true;
                }
            }
        }
        if (timescale == 0 || duration < 0) {
            throw new Corrupt("영상 길이 정보(mvhd)가 없거나 잘못되었습니다");
        }
        if (duration > Long.MAX_VALUE / 1000) {
            throw new Corrupt("영상 길이 정보가 잘못되었습니다");
        }
        return new Facts(duration * 1000 / timescale, width, height, video, audio, java.util.Set.of());
    }

    private record Track(String handler, int width, int height) {
    }

    private static Track parseTrak(ByteBuffer trak) throws Corrupt {
        int width = 0;
        int height = 0;
        String handler = "";
        while (trak.remaining() >= 8) {
            Box b = next(trak);
            if (b.type.equals("tkhd")) {
                ByteBuffer t = b.body;
                need(t, 4);
                int version = t.get() & 0xff;
                t.position(t.position() + 3);
                int skip = version == 1 ? 8 + 8 + 4 + 4 + 8 : 4 + 4 + 4 + 4 + 4;
                skip += 8 + 2 + 2 + 2 + 2 + 36;
                need(t, skip + 8);
                t.position(t.position() + skip);
                width = t.getInt() >>> 16;
                height = t.getInt() >>> 16;
            } else if (b.type.equals("mdia")) {
                ByteBuffer m = b.body;
                while (m.remaining() >= 8) {
                    Box c = next(m);
                    if (c.type.equals("hdlr")) {
                        need(c.body, 12);
                        c.body.position(c.body.position() + 8);
                        handler = fourCC(c.body.getInt());
                    }
                }
            }
        }
        return new Track(handler, width, height);
    }

    private record Box(String type, ByteBuffer body) {
    }

    private static Box next(ByteBuffer buf) throws Corrupt {
        long size = Integer.toUnsignedLong(buf.getInt());
        String type = fourCC(buf.getInt());
        int header = 8;
        if (size == 1) {
            need(buf, 8);
            size = buf.getLong();
            header = 16;
        } else if (size == 0) {
            size = buf.remaining() + 8L;
        }
        long body = size - header;
        if (body < 0 || body > buf.remaining()) {
            throw new Corrupt("'" + printable(type) + "' 상자의 크기가 잘못되었습니다");
        }
        ByteBuffer slice = buf.slice(buf.position(), (int) body);
        buf.position(buf.position() + (int) body);
        return new Box(type, slice);
    }

    private static void need(ByteBuffer b, int n) throws Corrupt {
        if (b.remaining() < n) {
            throw new Corrupt("영상 정보가 중간에 끊겼습니다");
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer dst, long position) throws IOException {
        long p = position;
        while (dst.hasRemaining()) {
            int n = ch.read(dst, p);
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
            p += n;
        }
    }

    private static String fourCC(int v) {
        return new String(new char[]{(char) ((v >>> 24) & 0xff), (char) ((v >>> 16) & 0xff), (char) ((v >>> 8) & 0xff),
                (char) (v & 0xff)});
    }

    private static String printable(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? s : "?";
    }
}
