package kr.sotong.newsletter.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import kr.sotong.platform.FileStore;
import kr.sotong.shared.DomainException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Serves files of the platform store (range requests for audio come with {@link Resource}). */
public final class FileResponses {

    private FileResponses() {
    }

    /** Content-addressed files never change: cache them for a year. */
    public static ResponseEntity<Resource> immutable(FileStore files, String sha256, String mediaType) {
        return build(files, sha256, mediaType, null, CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }

    public static ResponseEntity<Resource> download(FileStore files, String sha256, String mediaType, String fileName) {
        return build(files, sha256, mediaType, fileName, CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
    }

    /** Personal or unpublished content: never cached by shared caches. */
    public static ResponseEntity<Resource> privateFile(FileStore files, String sha256, String mediaType) {
        return build(files, sha256, mediaType, null, CacheControl.noStore());
    }

    private static ResponseEntity<Resource> build(FileStore files, String sha256, String mediaType, String fileName,
                                                  CacheControl cache) {
        if (sha256 == null) {
            throw DomainException.notFound("파일", "-");
        }
        var path = files.path(sha256);
        if (!path.toFile().isFile()) {
            throw DomainException.notFound("파일", sha256);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(mediaType == null ? "application/octet-stream" : mediaType));
        if (fileName != null) {
            headers.setContentDisposition(ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build());
        }
        headers.setCacheControl(cache);
        headers.setETag("\"" + sha256 + "\"");
        return ResponseEntity.ok().headers(headers).body(new FileSystemResource(path));
    }
}
