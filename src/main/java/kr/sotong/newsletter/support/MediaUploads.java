package kr.sotong.newsletter.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.StoredFile;
import kr.sotong.platform.UploadPolicy;
import kr.sotong.shared.DomainException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks the newsletter's uploads by content: photos (JPEG/PNG/GIF whose content matches the file
 * extension and whose pixel count stays below the decompression-bomb limit — read from the header, the
 * image is never decoded), recorded audio and print PDFs. Refusals are Korean {@link DomainException}s.
 */
@Component
public class MediaUploads {

    public static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif");
    public static final Set<String> AUDIO_TYPES = Set.of("audio/mpeg", "audio/vnd.wave", "audio/wav", "audio/x-wav",
            "audio/ogg", "audio/opus", "audio/vorbis", "audio/mp4", "audio/x-m4a", "audio/aac", "audio/webm");
    private static final Map<String, String> IMAGE_EXTENSIONS = Map.of("jpg", "image/jpeg", "jpeg", "image/jpeg",
            "jpe", "image/jpeg", "png", "image/png", "gif", "image/gif");

    /** A checked image with its size in pixels. */
    public record Image(StoredFile file, int width, int height) {
    }

    private final FileStore files;
    private final UploadPolicy policy;
    private final NewsletterProperties properties;

    public MediaUploads(FileStore files, UploadPolicy policy, NewsletterProperties properties) {
        this.files = files;
        this.policy = policy;
        this.properties = properties;
    }

    public static boolean present(MultipartFile file) {
        return file != null && !file.isEmpty() && file.getOriginalFilename() != null;
    }

    /** Streams the upload into the file store (size-limited); refuses empty uploads. */
    public StoredFile store(MultipartFile file, long maxBytes) {
        if (file == null || file.isEmpty()) {
            throw new DomainException("newsletter.upload.empty", "파일을 선택해 주세요.");
        }
        try (InputStream in = file.getInputStream()) {
            return files.store(in, file.getOriginalFilename(), maxBytes);
        } catch (IOException e) {
            throw new DomainException("newsletter.upload.read", "파일을 받는 중 오류가 났습니다. 다시 올려 주세요.");
        }
    }

    public Image image(MultipartFile file) {
        return image(store(file, properties.photo().maxSize().toBytes()));
    }

    /** Checks a stored file as an image (type, extension, dimensions). */
    public Image image(StoredFile stored) {
        String name = stored.originalName();
        if (policy.isDangerous(stored) || !IMAGE_TYPES.contains(stored.mediaType())) {
            throw new DomainException("newsletter.image.type",
                    "사진은 JPEG, PNG, GIF 이미지만 올릴 수 있습니다: " + name + " (실제 내용: " + describe(stored.mediaType()) + ")",
                    name, stored.mediaType());
        }
        String expected = IMAGE_EXTENSIONS.get(extension(name));
        if (extension(name).length() > 0 && !stored.mediaType().equals(expected)) {
            throw new DomainException("newsletter.image.extension",
                    "파일 확장자(." + extension(name) + ")와 실제 내용(" + describe(stored.mediaType())
                            + ")이 다릅니다. 원본 파일을 올려 주세요: " + name, name);
        }
        int[] size = dimensions(stored);
        long pixels = (long) size[0] * size[1];
        if (size[0] <= 0 || size[1] <= 0) {
            throw new DomainException("newsletter.image.corrupt", "이미지 크기를 읽을 수 없습니다. 손상된 파일입니다: " + name, name);
        }
        if (pixels > properties.photo().maxPixels()) {
            throw new DomainException("newsletter.image.too-many-pixels",
                    "이미지가 너무 큽니다(" + size[0] + "×" + size[1] + "픽셀). " + (properties.photo().maxPixels() / 1_000_000)
                            + "백만 화소 이하로 줄여서 올려 주세요: " + name, name);
        }
        return new Image(stored, size[0], size[1]);
    }

    public StoredFile audio(MultipartFile file) {
        StoredFile stored = store(file, properties.audio().maxSize().toBytes());
        if (policy.isDangerous(stored) || !AUDIO_TYPES.contains(stored.mediaType())) {
            throw new DomainException("newsletter.audio.type",
                    "음성 파일(MP3, WAV, OGG, M4A)만 올릴 수 있습니다: " + stored.originalName() + " (실제 내용: "
                            + describe(stored.mediaType()) + ")", stored.originalName());
        }
        return stored;
    }

    public StoredFile pdf(MultipartFile file) {
        StoredFile stored = store(file, properties.ebook().maxPdfSize().toBytes());
        requirePdf(stored);
        return stored;
    }

    public static void requirePdf(StoredFile stored) {
        if (!"application/pdf".equals(stored.mediaType())) {
            throw new DomainException("newsletter.pdf.type", "PDF 파일이 아닙니다: " + stored.originalName() + " (실제 내용: "
                    + describe(stored.mediaType()) + ")", stored.originalName());
        }
    }

    private int[] dimensions(StoredFile stored) {
        try (ImageInputStream in = ImageIO.createImageInputStream(files.path(stored.sha256()).toFile())) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DomainException("newsletter.image.corrupt", "이미지를 읽을 수 없습니다. 손상된 파일입니다: "
                        + stored.originalName(), stored.originalName());
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw new DomainException("newsletter.image.corrupt", "이미지를 읽을 수 없습니다. 손상된 파일입니다: "
                    + stored.originalName(), stored.originalName());
        }
    }

    static String extension(String name) {
        if (name == null) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String describe(String mediaType) {
        return switch (mediaType) {
            case "image/jpeg" -> "JPEG 이미지";
            case "image/png" -> "PNG 이미지";
            case "image/gif" -> "GIF 이미지";
            case "image/webp" -> "WebP 이미지";
            case "application/pdf" -> "PDF";
            case "text/plain" -> "텍스트";
            case "application/octet-stream" -> "알 수 없는 형식";
            default -> mediaType;
        };
    }
}
