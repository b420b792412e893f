package kr.sotong.platform;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Content-addressed file store (SHA-256). Files are streamed to disk, never held whole in memory, and flushed to
 * disk before they are reported stored; the media type is sniffed from the content, not the file name. Storing the
 * same bytes twice stores them once. An S3-compatible implementation can replace the local one.
 */
public interface FileStore {

    /**
     * Streams {@code content} into the store. Throws a {@link kr.sotong.shared.DomainException} when the
     * content is empty or larger than {@code maxBytes}; nothing is kept in that case.
     */
    StoredFile store(InputStream content, String originalName, long maxBytes);

    /**
     * Moves a complete file into the store without copying its bytes when it is on the store's file system (a rename),
     * for large uploads already received into a file. {@code sha256} must be the SHA-256 the caller computed from exactly
     * these bytes (it becomes the content address). The file is flushed to disk first and is gone from {@code file}
     * afterwards; storing bytes already in the store keeps one copy.
     */
    StoredFile adopt(Path file, String sha256, String originalName);

    /** Stores with the platform's default upload limit ({@code sotong.files.max-upload}). */
    StoredFile store(InputStream content, String originalName);

    Optional<StoredFile> find(String sha256);

    /** Opens the content; throws not-found when missing. */
    InputStream open(String sha256);

    /** Local path of the content (for range requests and tools such as ffprobe). */
    Path path(String sha256);
}
