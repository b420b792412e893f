package kr.sotong.signage.content;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.webp.WebpDirectory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import kr.sotong.platform.StoredFile;
import kr.sotong.shared.DomainException;
import kr.sotong.signage.config.SignageProperties;
import org.springframework.stereotype.Component;

/**
 * Checks media for the screens by their content, never by file name: JPEG, PNG and WebP images (size
 * from the header, then a sub-sampled decode of JPEG/PNG to catch corrupt data), MP4 video (duration,
 * picture size, a video track). Refuses with a Korean reason; notes a name that does not match the
 * content ("mislabelled") without refusing.
 */
@Component
public class MediaInspector {

    public static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/webp");
    /** What content sniffing calls ISO media files (ffmpeg's MP4s often come out as QuickTime). */
    public static final Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/x-m4v", "video/quicktime");
    /** ftyp brands of MP4 files that browsers play. */
    static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V",
            "M4VH", "dash", "mmp4", "MSNV");
    public static final int MIN_SIDE = 160;
    public static final int MAX_SIDE = 8192;
    public static final long MAX_PIXELS = 40_000_000L;
    public static final long MIN_VIDEO_MS = 1000;

    /**
     * What the check found.
     *
     * @param mediaType the type to serve the file as (an MP4 sniffed as QuickTime is served as video/mp4)
     */
    public record MediaFacts(ContentKind kind, String mediaType, int width, int height, Long durationMs, String note) {
    }

    private final SignageProperties properties;

    public MediaInspector(SignageProperties properties) {
        this.properties = properties;
    }

    public MediaFacts inspect(StoredFile file, Path path) {
        String type = file.mediaType().toLowerCase(Locale.ROOT);
        MediaFacts facts;
        if (IMAGE_TYPES.contains(type)) {
            if (file.size() > properties.maxImageSize().toBytes()) {
                throw new DomainException("signage.content.image-too-large",
                        "이미지가 허용된 크기(" + human(properties.maxImageSize()) + ")보다 큽니다.");
            }
            facts = image(type, path);
        } else if (VIDEO_TYPES.contains(type)) {
            if (file.size() > properties.maxVideoSize().toBytes()) {
                throw new DomainException("signage.content.video-too-large",
                        "영상이 허용된 크기(" + human(properties.maxVideoSize()) + ")보다 큽니다.");
            }
            facts = video(path);
        } else {
            throw new DomainException("signage.content.unsupported",
                    "사이니지에 올릴 수 없는 형식입니다: " + file.originalName() + " (내용상 " + file.mediaType()
                            + "). JPEG·PNG·WebP 이미지나 MP4 영상을 올리세요.", file.originalName(), file.mediaType());
        }
        String note = join(facts.note(), mislabel(file.originalName(), facts.mediaType()));
        return new MediaFacts(facts.kind(), facts.mediaType(), facts.width(), facts.height(), facts.durationMs(), note);
    }

    private MediaFacts image(String type, Path path) {
        int w;
        int h;
        if (type.equals("image/webp")) {
            int[] size = webpSize(path);
            w = size[0];
            h = size[1];
            checkSize(w, h);
        } else {
            int[] size = decode(path);
            w = size[0];
            h = size[1];
        }
        return new MediaFacts(ContentKind.IMAGE, type, w, h, null, null);
    }

    /** Header size, a size check before any pixel is decoded, then a sub-sampled decode. */
    private int[] decode(Path path) {
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw corrupt("이미지를 읽을 수 없습니다");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                checkSize(w, h);
                boolean[] warned = {false};
                reader.addIIOReadWarningListener((source, warning) -> warned[0] = true);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(w, h) / 512);
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage img = reader.read(0, param);
                if (img == null || warned[0]) {
                    throw corrupt("이미지 데이터가 손상되었거나 중간에 끊겼습니다");
                }
                return new int[]{w, h};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw corrupt("이미지 데이터가 손상되었습니다");
        }
    }

    private int[] webpSize(Path path) {
        try {
            Metadata m = ImageMetadataReader.readMetadata(path.toFile());
            WebpDirectory d = m.getFirstDirectoryOfType(WebpDirectory.class);
            if (d == null || !d.containsTag(WebpDirectory.TAG_IMAGE_WIDTH) || !d.containsTag(WebpDirectory.TAG_IMAGE_HEIGHT)) {
                throw corrupt("WebP 이미지의 크기 정보를 읽을 수 없습니다");
            }
            return new int[]{d.getInt(WebpDirectory.TAG_IMAGE_WIDTH), d.getInt(WebpDirectory.TAG_IMAGE_HEIGHT)};
        } catch (DomainException e) {
            throw e;
        } catch (Exception e) {
            throw corrupt("WebP 이미지가 손상되었습니다");
        }
    }

    private MediaFacts video(Path path) {
        Mp4Probe.Facts f;
        try {
            f = Mp4Probe.probe(path);
        } catch (Mp4Probe.Corrupt e) {
            throw corrupt("영상 파일이 손상되었습니다: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw corrupt("영상 파일을 읽을 수 없습니다");
        }
        if (!f.hasVideo()) {
            throw new DomainException("signage.content.no-video-track", "영상 트랙이 없는 파일입니다(소리만 있는 파일은 올릴 수 없습니다).");
        }
        checkSize(f.width(), f.height());
        if (f.durationMs() < MIN_VIDEO_MS) {
            throw new DomainException("signage.content.video-too-short", "영상이 너무 짧습니다(1초 이상이어야 합니다).");
        }
        if (f.durationMs() > properties.maxVideoDuration().toMillis()) {
            throw new DomainException("signage.content.video-too-long",
                    "영상이 너무 깁니다: " + (f.durationMs() / 1000) + "초 (최대 " + properties.maxVideoDuration().toMinutes() + "분)");
        }
        boolean mp4 = f.brands().stream().anyMatch(MP4_BRANDS::contains);
        return new MediaFacts(ContentKind.VIDEO, mp4 ? "video/mp4" : "video/quicktime", f.width(), f.height(), f.durationMs(),
                mp4 ? null : "QuickTime(.mov) 영상입니다. 일부 플레이어에서 재생되지 않을 수 있어 MP4로 변환을 권장합니다.");
    }

    private static void checkSize(int w, int h) {
        if (w < MIN_SIDE || h < MIN_SIDE) {
            throw new DomainException("signage.content.too-small",
                    "해상도가 너무 낮습니다: " + w + "×" + h + " (가로·세로 " + MIN_SIDE + "픽셀 이상)");
        }
        if (w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
            throw new DomainException("signage.content.too-big",
                    "해상도가 너무 높습니다: " + w + "×" + h + " (가로·세로 " + MAX_SIDE + "픽셀, 4천만 화소 이하)");
        }
    }

    static String human(org.springframework.util.unit.DataSize size) {
        long bytes = size.toBytes();
        return bytes >= 1024 * 1024 ? size.toMegabytes() + "MB" : bytes >= 1024 ? size.toKilobytes() + "KB" : bytes + "B";
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " " + b;
    }

    private static DomainException corrupt(String reason) {
        return new DomainException("signage.content.corrupt", reason + ". 원본 파일을 다시 저장해 올리세요.");
    }

    /** A note when the name's extension says something else than the content. */
    static String mislabel(String name, String type) {
        if (name == null) {
            return null;
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        Set<String> expected = switch (type) {
            case "image/jpeg" -> Set.of("jpg", "jpeg", "jpe", "jfif");
            case "image/png" -> Set.of("png");
            case "image/webp" -> Set.of("webp");
            case "video/quicktime" -> Set.of("mov", "qt");
            default -> Set.of("mp4", "m4v");
        };
        return expected.contains(ext) ? null
                : "파일 이름(." + ext + ")과 실제 형식(" + type + ")이 달라 실제 형식으로 처리했습니다.";
    }
}
