package kr.sotong.contests.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import kr.sotong.platform.FileStore;
import kr.sotong.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Shared helpers for the module's controllers. */
final class WebSupport {

    private WebSupport() {
    }

    static String text(MessageSource messages, DomainException e) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(e.code(), e.args(), e.getMessage(), locale);
    }

    /**
     * Client address for rate limits: the connection's address, as everywhere in Sotong. An {@code X-Forwarded-For}
     * header is not read here, since anyone can send one and would get a fresh limit with each; behind a reverse proxy
     * the container's trusted-proxy handling ({@code server.forward-headers-strategy}) sets the remote address.
     */
    static String client(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    /**
     * A stored file as a response; Spring answers Range requests (video seeking) from the resource.
     *
     * @param downloadName null for inline display
     */
    static ResponseEntity<Resource> media(FileStore files, String sha, String type, String downloadName, boolean publicCache) {
        Path path = files.path(sha);
        if (!Files.exists(path)) {
            throw DomainException.notFound("파일", sha);
        }
        HttpHeaders h = new HttpHeaders();
        h.setContentType(type == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(type));
        h.setCacheControl(publicCache ? CacheControl.maxAge(Duration.ofHours(1)).cachePublic()
                : CacheControl.maxAge(Duration.ofMinutes(10)).cachePrivate());
        h.setETag("\"" + sha + "\"");
        h.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        h.setContentDisposition(downloadName == null ? ContentDisposition.inline().build()
                : ContentDisposition.attachment().filename(downloadName, java.nio.charset.StandardCharsets.UTF_8).build());
        return ResponseEntity.ok().headers(h).body(new FileSystemResource(path));
    }
}
