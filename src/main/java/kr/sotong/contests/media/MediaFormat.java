package kr.sotong.contests.media;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Media formats a contest may accept, recognised by content (magic bytes and structure), never by name. */
public enum MediaFormat {
    JPEG(Category.IMAGE, "image/jpeg", "JPEG"),
    PNG(Category.IMAGE, "image/png", "PNG"),
    MP4(Category.VIDEO, "video/mp4", "MP4"),
    MOV(Category.VIDEO, "video/quicktime", "MOV(QuickTime)"),
    WEBM(Category.VIDEO, "video/webm", "WebM"),
    MKV(Category.VIDEO, "video/x-matroska", "MKV(Matroska)"),
    MP3(Category.AUDIO, "audio/mpeg", "MP3"),
    WAV(Category.AUDIO, "audio/wav", "WAV"),
    M4A(Category.AUDIO, "audio/mp4", "M4A(AAC)"),
    FLAC(Category.AUDIO, "audio/flac", "FLAC");

    public enum Category { IMAGE, VIDEO, AUDIO }

    private final Category category;
    private final String mediaType;
    private final String label;

    MediaFormat(Category category, String mediaType, String label) {
        this.category = category;
        this.mediaType = mediaType;
        this.label = label;
    }

    public Category category() {
        return category;
    }

    public String mediaType() {
        return mediaType;
    }

    public String label() {
        return label;
    }

    /** True when Java alone can check the format (no ffprobe needed). */
    public boolean checkedInJava() {
        return this != WEBM && this != MKV;
    }

    public static Optional<MediaFormat> parse(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(s.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** "JPEG,PNG" → {JPEG, PNG}; unknown names are ignored. */
    public static Set<MediaFormat> parseSet(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(",")).map(MediaFormat::parse).flatMap(Optional::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static String toCsv(Set<MediaFormat> formats) {
        return formats.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /** Labels in declaration order (a {@code Set.copyOf} iterates in a different order in each JVM). */
    public static String labels(Set<MediaFormat> formats) {
        return formats.stream().sorted().map(MediaFormat::label).collect(Collectors.joining(", "));
    }
}
