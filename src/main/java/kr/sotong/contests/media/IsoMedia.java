package kr.sotong.contests.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.HandlerBox;
import org.mp4parser.boxes.iso14496.part12.MediaBox;
import org.mp4parser.boxes.iso14496.part12.MovieBox;
import org.mp4parser.boxes.iso14496.part12.MovieExtendsBox;
import org.mp4parser.boxes.iso14496.part12.MovieExtendsHeaderBox;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.SampleDescriptionBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.boxes.iso14496.part12.TrackHeaderBox;
import org.mp4parser.tools.ByteBufferByteChannel;

/**
 * MP4, MOV and M4A (ISO base media file format): the top-level boxes must tile the file exactly (a cut-off
 * upload or appended data shows up here), then the movie box is parsed with isoparser (mp4parser) for the
 * duration (mvhd), tracks (hdlr), picture size (tkhd) and codec (stsd).
 */
final class IsoMedia {

    /** The movie box holds only headers and sample tables; anything bigger is not a real movie. */
    static final long MAX_MOOV = 64L * 1024 * 1024;

    record TopBox(String type, long offset, long size) {
    }

    record Info(long durationMs, boolean fragmented, List<String> handlers, int width, int height, String codec,
                String brand) {
    }

    private IsoMedia() {
    }

    static List<TopBox> walk(Path file, long fileSize) throws IOException {
        List<TopBox> boxes = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (pos < fileSize) {
                long remaining = fileSize - pos;
                if (remaining < 8) {
                    byte[] rest = Polyglots.read(file, pos, (int) remaining);
                    for (byte b : rest) {
                        if (b != 0) {
                            throw Rejections.truncated("동영상");
                        }
                    }
                    break;
                }
                header.clear().limit(8);
                readFully(ch, header, pos);
                header.flip();
                long size = header.getInt() & 0xFFFFFFFFL;
                byte[] t = new byte[4];
                header.get(t);
                String type = new String(t, StandardCharsets.ISO_8859_1);
                int headerLength = 8;
                if (size == 1) {
                    if (remaining < 16) {
                        throw Rejections.truncated("동영상");
                    }
                    header.clear().limit(8);
                    readFully(ch, header, pos + 8);
                    header.flip();
                    size = header.getLong();
                    headerLength = 16;
                } else if (size == 0) {
                    size = remaining;
                }
                if (!printable(t)) {
                    throw Rejections.reject("iso.garbage",
                            "동영상 파일 구조가 올바르지 않습니다(알 수 없는 데이터). 원본 파일을 다시 올려 주세요.");
                }
                if (size < headerLength || size > remaining) {
                    throw Rejections.truncated("동영상");
                }
                boxes.add(new TopBox(type, pos, size));
                if (boxes.size() > 100_000) {
                    throw Rejections.reject("iso.too-many-boxes", "동영상 파일 구조가 비정상적입니다(구간이 너무 많음).");
                }
                pos += size;
            }
        }
        return boxes;
    }

    static Info read(Path file, long fileSize) throws IOException {
        List<TopBox> boxes = walk(file, fileSize);
        TopBox moov = boxes.stream().filter(b -> b.type().equals("moov")).findFirst()
                .orElseThrow(() -> Rejections.reject("iso.no-moov",
                        "동영상 정보(moov)가 없습니다. 녹화가 끝나지 않았거나 잘린 파일입니다."));
        boolean fragmented = boxes.stream().anyMatch(b -> b.type().equals("moof"));
        boolean hasData = boxes.stream().anyMatch(b -> b.type().equals("mdat") && b.size() > 16);
        if (!hasData) {
            throw Rejections.reject("iso.no-data", "동영상·음성 데이터(mdat)가 없는 빈 파일입니다.");
        }
        if (moov.size() > MAX_MOOV) {
            throw Rejections.reject("iso.moov-too-large", "동영상 정보(moov)가 비정상적으로 큽니다.");
        }
        String brand = "";
        TopBox ftyp = boxes.get(0).type().equals("ftyp") ? boxes.get(0) : null;
        if (ftyp != null && ftyp.size() >= 12) {
            brand = new String(Polyglots.read(file, ftyp.offset() + 8, 4), StandardCharsets.ISO_8859_1).strip();
        }
        byte[] moovBytes = Polyglots.read(file, moov.offset(), (int) moov.size());
        checkNested(ByteBuffer.wrap(moovBytes), 8, moovBytes.length, 0);
        try (IsoFile iso = new IsoFile(new ByteBufferByteChannel(ByteBuffer.wrap(moovBytes)))) {
            MovieBox movie = iso.getMovieBox();
            MovieHeaderBox mvhd = movie == null ? null : movie.getMovieHeaderBox();
            if (mvhd == null || mvhd.getTimescale() <= 0) {
                throw Rejections.reject("iso.no-mvhd", "동영상의 재생 시간 정보(mvhd)를 읽을 수 없습니다.");
            }
            long timescale = mvhd.getTimescale();
            long duration = mvhd.getDuration();
            if ((duration == 0 || fragmented)) {
                for (MovieExtendsBox mvex : movie.getBoxes(MovieExtendsBox.class)) {
                    for (MovieExtendsHeaderBox mehd : mvex.getBoxes(MovieExtendsHeaderBox.class)) {
                        if (mehd.getFragmentDuration() > 0) {
                            duration = mehd.getFragmentDuration();
                        }
                    }
                }
            }
            long ms = duration < 0 ? 0 : Math.round(duration * 1000.0 / timescale);
            List<String> handlers = new ArrayList<>();
            int width = 0;
            int height = 0;
            String codec = "";
            for (TrackBox track : movie.getBoxes(TrackBox.class)) {
                MediaBox mdia = track.getMediaBox();
                HandlerBox hdlr = mdia == null ? null : mdia.getHandlerBox();
                String handler = hdlr == null ? "" : hdlr.getHandlerType();
                handlers.add(handler);
                if ("vide".equals(handler) && width == 0) {
                    TrackHeaderBox tkhd = track.getTrackHeaderBox();
                    if (tkhd != null) {
                        width = (int) Math.round(tkhd.getWidth());
                        height = (int) Math.round(tkhd.getHeight());
                    }
                    codec = codec(track);
                } else if ("soun".equals(handler) && codec.isEmpty() && width == 0) {
                    codec = codec(track);
                }
            }
            return new Info(ms, fragmented || duration == 0, handlers, width, height, codec, brand);
        } catch (kr.sotong.shared.DomainException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            // a box deeper than checkNested looks (e.g. inside a sample entry) declared a size the parser tried
            // to allocate: the request failed without taking the heap, the file is refused
            throw Rejections.reject("iso.unreadable", "동영상 정보를 읽을 수 없습니다: 손상된 파일입니다.");
        } catch (IOException | RuntimeException | AssertionError e) {
            // mp4parser checks a box's declared size with an assert (an Error when assertions are on)
            throw Rejections.reject("iso.unreadable", "동영상 정보를 읽을 수 없습니다: 손상된 파일입니다.");
        }
    }

    /** Boxes that contain only boxes; the parser allocates each child by its declared size. */
    private static final java.util.Set<String> CONTAINERS = java.util.Set.of("moov", "trak", "mdia", "minf", "stbl",
            "edts", "dinf", "udta", "mvex", "tref", "mdra", "rmra");

    /**
     * Every box inside the movie box (down through the plain containers) must fit in its parent: a flipped size
     * byte would otherwise make the parser allocate up to 4 GB for one box.
     */
    static void checkNested(ByteBuffer b, int from, int to, int depth) {
        if (depth > 16) {
            throw Rejections.reject("iso.too-deep", "동영상 파일 구조가 비정상적입니다(너무 깊음).");
        }
        int pos = from;
        while (pos + 8 <= to) {
            long size = b.getInt(pos) & 0xFFFFFFFFL;
            int header = 8;
            if (size == 1) {
                if (pos + 16 > to) {
                    throw Rejections.truncated("동영상");
                }
                size = b.getLong(pos + 8);
                header = 16;
            } else if (size == 0) {
                size = to - pos;
            }
            if (size < header || size > to - pos) {
                throw Rejections.reject("iso.box-size", "동영상 파일 구조가 올바르지 않습니다(구간 크기 오류). 손상된 파일입니다.");
            }
            byte[] t = new byte[4];
            b.get(pos + 4, t);
            if (CONTAINERS.contains(new String(t, StandardCharsets.ISO_8859_1))) {
                checkNested(b, pos + header, (int) (pos + size), depth + 1);
            }
            pos += (int) size;
        }
    }

    private static String codec(TrackBox track) {
        try {
            SampleDescriptionBox stsd = track.getSampleTableBox().getSampleDescriptionBox();
            return stsd == null || stsd.getSampleEntry() == null ? "" : stsd.getSampleEntry().getType();
        } catch (RuntimeException | AssertionError e) {
            return "";
        }
    }

    private static boolean printable(byte[] t) {
        for (byte b : t) {
            int c = b & 0xFF;
            if ((c < 0x20 || c > 0x7E) && c != 0xA9) { // 0xA9: ©xyz-style Apple types
                return false;
            }
        }
        return true;
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        long p = pos;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, p);
            if (n < 0) {
                throw Rejections.truncated("동영상");
            }
            p += n;
        }
    }
}
