package kr.sotong.platform;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Content-addressed file store (SHA-256). Files are streamed to disk, never held whole in memory; the
 * media type is sniffed from the content, not the file name. Storing the same bytes twice stores them
 * once. An S3-compatible implementation can replace the local one.
 */
public interface FileStore {

    /**
     * Streams {@code content} into the store. Throws a {@link kr.sotong.shared.DomainException} when the
     * content is empty or larger than {@code maxBytes}; nothing is kept in that case.
     */
    StoredFile store(InputStream content, String originalName, long maxBytes);

    /** Stores with the platform's default upload limit ({@code sotong.files.max-upload}). */
    StoredFile store(InputStream content, String originalName);

    Optional<StoredFile> find(String sha256);

    /** Opens the content; throws not-found when missing. */
    InputStream open(String sha256);

    /** Local path of the content (for range requests and tools such as ffprobe). */
    Path path(String sha256);
}
