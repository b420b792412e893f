package kr.sotong.platform;

import java.util.Set;
import kr.sotong.shared.DomainException;

/**
 * Decides by content whether an uploaded file may be kept: refuses executables, HTML and SVG with
 * script anywhere, and anything outside the caller's allowed media types.
 */
public interface UploadPolicy {

    /** Throws a {@link DomainException} with a Korean message if the file is dangerous or not allowed. */
    void check(StoredFile file, Set<String> allowedMediaTypes);

    /** True when the content is an executable, HTML, or an SVG carrying script. */
    boolean isDangerous(StoredFile file);
}
