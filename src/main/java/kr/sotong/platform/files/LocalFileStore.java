package kr.sotong.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.StoredFile;
import kr.sotong.platform.config.PlatformProperties;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Files under {@code ${sotong.home}/files/ab/cd/<sha256>}, metadata in {@code platform_file}. */
@Service
class LocalFileStore implements FileStore {

    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path tmp;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final long defaultMax;

    LocalFileStore(PlatformProperties properties, JdbcClient jdbc, Clock clock) {
        this.root = properties.home().resolve("files").toAbsolutePath().normalize();
        this.tmp = root.resolve("tmp");
        this.jdbc = jdbc;
        this.clock = clock;
        this.defaultMax = properties.files().maxUpload().toBytes();
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("파일 저장소 폴더를 만들지 못했습니다: " + tmp, e);
        }
    }

    @Override
    public StoredFile store(InputStream content, String originalName) {
        return store(content, originalName, defaultMax);
    }

    @Override
    public StoredFile store(InputStream content, String originalName, long maxBytes) {
        Path temp = null;
        try {
            temp = Files.createTempFile(tmp, "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (InputStream in = new DigestInputStream(content, sha); FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(ch)) {
                byte[] buf = new byte[BUFFER];
                int n;
                while ((n = in.read(buf)) > 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new DomainException("file.too-large",
                                "파일이 허용된 크기(" + human(maxBytes) + ")보다 큽니다.", maxBytes);
                    }
                    out.write(buf, 0, n);
                }
                ch.force(false);
            }
            if (size == 0) {
                throw new DomainException("file.empty", "빈 파일(0바이트)은 올릴 수 없습니다.");
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            StoredFile stored = install(temp, hash, size, originalName);
            temp = null;
            return stored;
        } catch (IOException e) {
            throw new DomainException("file.read-failed", "파일을 받는 중 오류가 났습니다: 전송이 끊겼거나 손상된 파일입니다.");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    @Override
    public StoredFile adopt(Path file, String sha256, String originalName) {
        if (!isHash(sha256)) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        Path temp = null;
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new DomainException("file.empty", "빈 파일(0바이트)은 올릴 수 없습니다.");
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.force(false);
            }
            temp = tmp.resolve("adopt-" + sha256 + "-" + System.nanoTime() + ".part");
            Files.move(file, temp); // a rename on the same file system, a copy otherwise
            StoredFile stored = install(temp, sha256, size, originalName);
            temp = null;
            return stored;
        } catch (IOException e) {
            throw new DomainException("file.read-failed", "파일을 저장하는 중 오류가 났습니다. 다시 시도하세요.");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    /** Puts a complete temp file (flushed) at its content address, or drops it when the content is there already. */
    private StoredFile install(Path temp, String hash, long size, String originalName) throws IOException {
        String mediaType = ContentSniffer.sniff(temp);
        Path target = path(hash);
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } else {
            Files.deleteIfExists(temp);
        }
        String name = safeName(originalName);
        jdbc.sql("""
                        insert into platform_file (sha256, size_bytes, media_type, original_name, created_at)
                        values (:h, :s, :m, :n, :c) on conflict (sha256) do nothing""")
                .param("h", hash).param("s", size).param("m", mediaType).param("n", name)
                .param("c", Timestamp.from(clock.instant())).update();
        return new StoredFile(hash, size, mediaType, name);
    }

    @Override
    public Optional<StoredFile> find(String sha256) {
        if (!isHash(sha256)) {
            return Optional.empty();
        }
        return jdbc.sql("select sha256, size_bytes, media_type, original_name from platform_file where sha256 = :h")
                .param("h", sha256)
                .query((rs, i) -> new StoredFile(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    @Override
    public InputStream open(String sha256) {
        Path p = path(sha256);
        try {
            return Files.newInputStream(p);
        } catch (IOException e) {
            throw DomainException.notFound("파일", sha256);
        }
    }

    @Override
    public Path path(String sha256) {
        if (!isHash(sha256)) {
            throw DomainException.notFound("파일", sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static boolean isHash(String s) {
        return s != null && s.length() == 64 && s.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }

    /** Base name only, no control characters or path separators, at most 200 characters. */
    static String safeName(String original) {
        if (original == null || original.isBlank()) {
            return "file";
        }
        String s = original.replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1);
        StringBuilder sb = new StringBuilder();
        s.codePoints().filter(c -> c >= 0x20 && c != 0x7f && c != ':' && c != '*' && c != '?' && c != '"' && c != '<'
                && c != '>' && c != '|').forEach(sb::appendCodePoint);
        String name = sb.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            return "file";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static String human(long bytes) {
        if (bytes >= 1024 * 1024) {
            return (bytes / (1024 * 1024)) + "MB";
        }
        return (bytes / 1024) + "KB";
    }
}
