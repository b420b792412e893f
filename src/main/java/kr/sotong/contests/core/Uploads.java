package kr.sotong.contests.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import kr.sotong.contests.media.MediaFormat;
import kr.sotong.contests.media.MediaInspector;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.StoredFile;
import kr.sotong.platform.UploadPolicy;
import kr.sotong.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Chunked, resumable uploads of entry files (the protocol is described on
 * {@code kr.sotong.contests.web.UploadController}): bytes go to a part file named by a random id (never by the
 * uploader's file name), are checked by content on completion and then live in the platform {@link FileStore}.
 * Nothing is held whole in memory; a refused file never reaches the store.
 */
@Service("contestUploads")
public class Uploads {

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MAX_ACTIVE_PER_DRAFT = 3;

    private final UploadRepository uploads;
    private final DraftRepository drafts;
    private final ContestRepository contests;
    private final EntryRepository entries;
    private final MediaInspector inspector;
    private final StreamingHasher hasher;
    private final FileStore files;
    private final UploadPolicy policy;
    private final ContestsProperties properties;
    private final Clock clock;
    private final Path dir;
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    Uploads(UploadRepository uploads, DraftRepository drafts, ContestRepository contests, EntryRepository entries,
            MediaInspector inspector, StreamingHasher hasher, FileStore files, UploadPolicy policy,
            ContestsProperties properties, Clock clock) {
        this.uploads = uploads;
        this.drafts = drafts;
        this.contests = contests;
        this.entries = entries;
        this.inspector = inspector;
        this.hasher = hasher;
        this.files = files;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
        this.dir = properties.uploadDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("업로드 폴더를 만들지 못했습니다: " + dir, e);
        }
    }

    /** The offset the client sent is not where the upload stands; the client should continue from {@code offset}. */
    public static final class OffsetMismatch extends DomainException {
        private final long offset;

        OffsetMismatch(long offset) {
            super(Kind.CONFLICT, "contests.upload.offset", "이어 올릴 위치가 맞지 않습니다. " + offset + "바이트부터 다시 보내 주세요.", offset);
            this.offset = offset;
        }

        public long offset() {
            return offset;
        }
    }

    public long chunkSize() {
        return properties.chunkSize().toBytes();
    }

    Path partFile(String uploadId) {
        return dir.resolve(uploadId + ".part");
    }

    private Path publicCopyFile(String uploadId) {
        return dir.resolve(uploadId + ".public.jpg");
    }

    public Upload create(String draftId, long contestId, String originalName, long length, String fingerprint) {
        Draft draft = ownedDraft(draftId, contestId);
        Contest contest = contests.get(contestId);
        Instant now = clock.instant();
        contest.requireAcceptingEntries(now);
        if (length <= 0) {
            throw new DomainException("contests.upload.empty", "빈 파일(0바이트)은 올릴 수 없습니다.");
        }
        long max = Math.min(contest.def().maxBytes(), properties.maxUpload().toBytes());
        if (length > max) {
            throw new DomainException("contests.upload.too-large", "파일이 너무 큽니다. 이 공모전은 "
                    + (max / (1024 * 1024)) + "MB까지 받습니다.");
        }
        if (uploads.countReceiving(draft.id()) >= MAX_ACTIVE_PER_DRAFT) {
            throw DomainException.conflict("contests.upload.too-many", "올리는 중인 파일이 너무 많습니다. 이전 업로드를 끝내거나 취소하세요.");
        }
        String id = HexFormat.of().formatHex(randomBytes(16));
        String name = safeName(originalName);
        String fp = fingerprint == null || fingerprint.isBlank() ? null : fingerprint.strip();
        if (fp != null && (fp.length() > 200 || !fp.matches("[A-Za-z0-9:._-]+"))) {
            fp = null;
        }
        try {
            Files.newByteChannel(partFile(id), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        uploads.insert(id, draft.id(), contestId, name, length, fp, now);
        hasher.start(id);
        return uploads.find(id).orElseThrow();
    }

    /** An unfinished upload of the same file by the same draft, to continue where it stopped. */
    public Optional<Upload> resumable(String draftId, long contestId, String fingerprint, long length) {
        ownedDraft(draftId, contestId);
        if (fingerprint == null || fingerprint.isBlank()) {
            return Optional.empty();
        }
        Optional<Upload> u = uploads.resumable(draftId, contestId, fingerprint.strip(), length);
        u.ifPresent(x -> uploads.advance(x.id(), x.received(), x.received(), true, clock.instant()));
        return u.flatMap(x -> uploads.find(x.id()));
    }

    /** The contest an upload belongs to (for finding the owner's draft in the session). */
    public long contestOf(String uploadId) {
        return uploads.find(uploadId == null ? "" : uploadId).map(Upload::contestId)
                .orElseThrow(() -> DomainException.notFound("업로드", uploadId));
    }

    public Upload get(String uploadId, String draftId) {
        Upload u = uploads.find(uploadId == null ? "" : uploadId).filter(x -> x.draftId().equals(draftId))
                .orElseThrow(() -> DomainException.notFound("업로드", uploadId));
        if (u.state() == Upload.State.RECEIVING) {
            long onDisk = onDisk(u.id());
            if (onDisk < u.received()) {
                // the server stopped before the bytes reached the disk: continue from what is really there
                uploads.advance(u.id(), u.received(), onDisk, false, clock.instant());
                hasher.abort(u.id());
                return uploads.find(u.id()).orElseThrow();
            }
        }
        return u;
    }

    private long onDisk(String id) {
        try {
            return Files.size(partFile(id));
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Writes the bytes of {@code body} at {@code offset} and returns the new offset. A body cut off by the
     * network keeps what arrived. Bytes beyond the declared length are refused.
     */
    public long append(String uploadId, String draftId, long offset, InputStream body) {
        return append(uploadId, draftId, offset, UploadBody.of(body));
    }

    /** As {@link #append(String, String, long, InputStream)}, reading the body straight into the writer's buffers. */
    public long append(String uploadId, String draftId, long offset, UploadBody body) {
        Upload u = get(uploadId, draftId);
        if (u.state() != Upload.State.RECEIVING) {
            throw DomainException.conflict("contests.upload.done", "이미 끝난 업로드입니다.");
        }
        if (offset != u.received()) {
            throw new OffsetMismatch(u.received());
        }
        contests.get(u.contestId()).requireAcceptingEntries(clock.instant());
        ReentrantLock lock = locks.computeIfAbsent(uploadId, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw DomainException.conflict("contests.upload.busy", "같은 파일을 다른 요청이 올리는 중입니다. 잠시 뒤 이어 올리세요.");
        }
        long written = 0;
        boolean tooMuch = false;
        PartFileWriter out = null;
        StreamingHasher.Feed feed = hasher.feed(uploadId, offset);
        // a body cut off by the network ends here: what arrived whole is kept, and the client resumes from the new offset
        IOException[] cut = {null};
        UploadBody received = into -> {
            try {
                return cut[0] == null ? body.read(into) : -1;
            } catch (IOException e) {
                cut[0] = e;
                return -1;
            }
        };
        try {
            out = new PartFileWriter(partFile(uploadId), offset, feed);
            long room = u.declaredLength() - offset;
            int idle = 0;
            while (true) {
                if (written == room) {
                    tooMuch = received.read(ByteBuffer.allocate(1)) > 0;
                    break;
                }
                int n = out.receive(received, room - written);
                if (n < 0 || n == 0 && ++idle > 1000) {
                    break;
                }
                if (n > 0) {
                    idle = 0;
                    written += n;
                }
            }
            out.flush();
        } catch (IOException e) {
            hasher.abort(uploadId);
            throw new DomainException("contests.upload.write-failed", "파일을 저장하는 중 오류가 났습니다. 잠시 뒤 이어 올리세요.");
        } finally {
            if (cut[0] != null) {
                log.debug("upload {} interrupted after {} bytes: {}", uploadId, written, cut[0].toString());
            }
            try {
                if (out != null) {
                    try {
                        out.close();
                    } catch (IOException e) {
                        hasher.abort(uploadId);
                    }
                    written = out.written() - offset; // what is really in the file
                }
                if (feed != null) {
                    feed.close(offset + written);
                }
                if (!uploads.advance(uploadId, offset, offset + written, false, clock.instant())) {
                    hasher.abort(uploadId);
                }
            } finally {
                lock.unlock();
            }
        }
        if (tooMuch) {
            throw new DomainException("contests.upload.overflow", "처음에 알린 파일 크기(" + u.declaredLength()
                    + "바이트)보다 많은 데이터가 왔습니다. 파일을 다시 골라 올려 주세요.");
        }
        return offset + written;
    }

    /**
     * Checks the complete file by content against the contest's rules and puts it into the file store. A refused
     * file is removed and the upload keeps the reason.
     */
    public Upload complete(String uploadId, String draftId) {
        Upload u = get(uploadId, draftId);
        if (u.state() == Upload.State.COMPLETE) {
            return u;
        }
        if (u.state() == Upload.State.REJECTED) {
            throw new DomainException("contests.upload.rejected", u.rejectReason());
        }
        if (u.received() != u.declaredLength()) {
            throw DomainException.conflict("contests.upload.incomplete", "파일이 아직 다 올라오지 않았습니다("
                    + u.received() + "/" + u.declaredLength() + "바이트).");
        }
        ReentrantLock lock = locks.computeIfAbsent(uploadId, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw DomainException.conflict("contests.upload.busy", "같은 파일을 처리하는 중입니다. 잠시 뒤 다시 확인하세요.");
        }
        Path part = partFile(uploadId);
        Path pub = publicCopyFile(uploadId);
        try {
            Contest contest = contests.get(u.contestId());
            MediaInspector.Inspection inspection;
            try {
                inspection = inspector.inspect(part, contest.mediaRules(), pub);
            } catch (DomainException e) {
                refuse(u, e.getMessage());
                throw e;
            }
            StoredFile stored = storeFromPart(uploadId, part, u);
            if (policy.isDangerous(stored)) {
                refuse(u, "보안상 허용되지 않는 파일입니다.");
                throw new DomainException("contests.upload.dangerous", "보안상 허용되지 않는 파일입니다.");
            }
            if (entries.sameFileEntered(u.contestId(), stored.sha256())) {
                String reason = "이미 이 공모전에 응모된 작품과 똑같은 파일입니다. 같은 작품은 한 번만 응모할 수 있습니다.";
                refuse(u, reason);
                throw DomainException.conflict("contests.upload.duplicate", reason);
            }
            String publicSha = null;
            if (inspection.publicCopy() != null && Files.exists(pub)) {
                try (InputStream in = Files.newInputStream(pub)) {
                    publicSha = files.store(in, "public.jpg").sha256();
                }
            }
            MediaFormat format = inspection.report().format();
            uploads.complete(uploadId, stored.sha256(), format.mediaType(), stored.size(), inspection.report(), publicSha,
                    clock.instant());
            drafts.attachUpload(draftId, uploadId);
            return uploads.find(uploadId).orElseThrow();
        } catch (IOException e) {
            throw new DomainException("contests.upload.store-failed", "파일을 저장하는 중 오류가 났습니다. 다시 시도하세요.");
        } finally {
            deleteQuietly(part);
            deleteQuietly(pub);
            lock.unlock();
            locks.remove(uploadId);
        }
    }

    /**
     * Hands the complete part file to the file store by rename (no second copy of the bytes), with the hash the
     * {@link StreamingHasher} made while the chunks arrived, or made now from the part file when it could not.
     */
    private StoredFile storeFromPart(String uploadId, Path part, Upload u) {
        StreamingHasher.Digest digest = hasher.finish(uploadId).filter(d -> d.size() == u.declaredLength())
                .orElseGet(() -> {
                    try {
                        return StreamingHasher.digest(Files.newInputStream(part));
                    } catch (IOException | UncheckedIOException e) {
                        throw new DomainException("contests.upload.store-failed", "파일을 저장하는 중 오류가 났습니다. 다시 시도하세요.");
                    }
                });
        if (digest.size() != u.declaredLength()) {
            throw new DomainException("contests.upload.store-failed", "파일을 저장하는 중 오류가 났습니다. 다시 시도하세요.");
        }
        return files.adopt(part, digest.sha256(), u.originalName());
    }

    private void refuse(Upload u, String reason) {
        hasher.abort(u.id());
        uploads.reject(u.id(), reason, clock.instant());
        deleteQuietly(partFile(u.id()));
    }

    /** Without JavaScript: one request carries the whole file (multipart form). */
    public Upload single(String draftId, long contestId, String originalName, long declaredSize, InputStream content) {
        Upload u = create(draftId, contestId, originalName, Math.max(1, declaredSize), null);
        append(u.id(), draftId, 0, content);
        Upload now = get(u.id(), draftId);
        if (now.received() != now.declaredLength()) {
            discard(List.of(u.id()));
            throw new DomainException("contests.upload.cut", "파일 전송이 중간에 끊겼습니다. 다시 올려 주세요.");
        }
        return complete(u.id(), draftId);
    }

    public void cancel(String uploadId, String draftId) {
        Upload u = get(uploadId, draftId);
        discard(List.of(u.id()));
    }

    void discard(List<String> ids) {
        for (String id : ids) {
            hasher.abort(id);
            deleteQuietly(partFile(id));
            deleteQuietly(publicCopyFile(id));
            uploads.delete(id);
            locks.remove(id);
        }
    }

    /** Part files left by a crash that no upload row refers to any more. */
    void sweepOrphanFiles(Instant olderThan) {
        try (var stream = Files.list(dir)) {
            stream.filter(p -> p.getFileName().toString().endsWith(".part") || p.getFileName().toString().endsWith(".jpg"))
                    .filter(p -> {
                        String id = p.getFileName().toString().replaceAll("\\..*$", "");
                        return uploads.find(id).map(u -> u.state() != Upload.State.RECEIVING).orElse(true);
                    })
                    .filter(p -> {
                        try {
                            return Files.getLastModifiedTime(p).toInstant().isBefore(olderThan);
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .forEach(Uploads::deleteQuietly);
        } catch (IOException e) {
            log.warn("could not sweep {}: {}", dir, e.toString());
        }
    }

    private Draft ownedDraft(String draftId, long contestId) {
        Draft d = draftId == null ? null : drafts.find(draftId).orElse(null);
        if (d == null || d.contestId() != contestId || d.expiresAt().isBefore(clock.instant())) {
            throw new DomainException(DomainException.Kind.CONFLICT, "contests.draft.missing",
                    "응모 작성 시간이 지났거나 응모서를 찾을 수 없습니다. 처음부터 다시 작성해 주세요.");
        }
        return d;
    }

    /** The uploader's name reduced to a base name without path parts or control characters. */
    static String safeName(String original) {
        if (original == null || original.isBlank()) {
            return "file";
        }
        String s = original.replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1);
        StringBuilder sb = new StringBuilder();
        s.codePoints().filter(c -> c >= 0x20 && c != 0x7f && "<>:\"|?*".indexOf(c) < 0).forEach(sb::appendCodePoint);
        String name = sb.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            return "file";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort; the sweeper retries
        }
    }
}
