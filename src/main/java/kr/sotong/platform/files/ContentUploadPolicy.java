package kr.sotong.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.StoredFile;
import kr.sotong.platform.UploadPolicy;
import kr.sotong.shared.DomainException;
import org.springframework.stereotype.Service;

/** Refuses executables, HTML and scripted SVG by content; enforces the caller's allowed types. */
@Service
class ContentUploadPolicy implements UploadPolicy {

    private static final Set<String> EXECUTABLE = Set.of(
            "application/x-dosexec", "application/x-msdownload", "application/x-executable", "application/x-elf",
            "application/x-sharedlib", "application/x-mach-o-executable", "application/x-sh", "text/x-sh",
            "application/x-bat", "application/java-archive", "application/x-java-applet",
            "application/vnd.microsoft.portable-executable", "application/x-msi", "application/x-ms-shortcut",
            "application/javascript", "text/javascript", "application/x-httpd-php", "text/x-php");
    private static final Set<String> MARKUP = Set.of("text/html", "application/xhtml+xml");
    private static final Pattern SCRIPTY = Pattern.compile(
            "<\\s*script|\\son[a-z]+\\s*=|javascript:|<\\s*foreignObject|<\\s*iframe|<\\s*embed|<\\s*object",
            Pattern.CASE_INSENSITIVE);

    private final FileStore files;

    ContentUploadPolicy(FileStore files) {
        this.files = files;
    }

    @Override
    public void check(StoredFile file, Set<String> allowedMediaTypes) {
        if (isDangerous(file)) {
            throw new DomainException("file.dangerous",
                    "보안상 허용되지 않는 파일입니다(실행 파일, HTML 또는 스크립트가 든 SVG): " + file.originalName(),
                    file.originalName());
        }
        if (allowedMediaTypes != null && !allowedMediaTypes.isEmpty() && !allowedMediaTypes.contains(file.mediaType())) {
            throw new DomainException("file.type-not-allowed",
                    "허용되지 않는 파일 형식입니다: " + file.originalName() + " (내용상 " + file.mediaType() + ")",
                    file.originalName(), file.mediaType());
        }
    }

    @Override
    public boolean isDangerous(StoredFile file) {
        String type = file.mediaType().toLowerCase(Locale.ROOT);
        if (EXECUTABLE.contains(type) || MARKUP.contains(type)) {
            return true;
        }
        if (type.equals("image/svg+xml") || type.endsWith("+xml") || type.equals("application/xml")
                || type.equals("text/xml")) {
            return containsScript(file);
        }
        if (type.startsWith("text/")) {
            return startsLikeHtml(file);
        }
        return false;
    }

    private boolean startsLikeHtml(StoredFile file) {
        try (InputStream in = files.open(file.sha256())) {
            String head = new String(in.readNBytes(512), StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading()
                    .toLowerCase(Locale.ROOT);
            return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<script")
                    || head.startsWith("<svg");
        } catch (IOException e) {
            return true;
        }
    }

    private boolean containsScript(StoredFile file) {
        try (InputStream in = files.open(file.sha256())) {
            byte[] head = in.readNBytes(1024 * 1024);
            String text = new String(head, StandardCharsets.UTF_8);
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.contains("<html") || lower.contains("<!doctype html")) {
                return true;
            }
            return SCRIPTY.matcher(text).find();
        } catch (IOException e) {
            return true;
        }
    }
}
