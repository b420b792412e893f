package kr.sotong.contests.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import kr.sotong.contests.media.MediaFormat;
import kr.sotong.contests.media.MediaInspector;
import kr.sotong.contests.media.PublicCopies;
import kr.sotong.platform.FileStore;
import kr.sotong.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After an entry is submitted, makes the metadata-free copy of a video or song (photos get theirs at upload) for
 * judges and the gallery, and hashes a video's middle frame to flag near-duplicate videos. Runs after commit, is
 * idempotent, and records a Korean reason when it cannot.
 */
@Component
class PublicCopyMaker {

    private static final Logger log = LoggerFactory.getLogger(PublicCopyMaker.class);

    private final EntryRepository entries;
    private final NearDuplicates nearDuplicates;
    private final MediaInspector inspector;
    private final PublicCopies copies;
    private final FileStore files;
    private final ContestsProperties properties;

    PublicCopyMaker(EntryRepository entries, NearDuplicates nearDuplicates, MediaInspector inspector, PublicCopies copies,
                    FileStore files, ContestsProperties properties) {
        this.entries = entries;
        this.nearDuplicates = nearDuplicates;
        this.inspector = inspector;
        this.copies = copies;
        this.files = files;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(EntrySubmitted event) {
        make(event.entryId());
        hashFrame(event.entryId());
    }

    void hashFrame(long entryId) {
        Entry e = entries.find(entryId).orElse(null);
        if (e == null || e.media().category() != MediaFormat.Category.VIDEO || e.media().frameHash() != null
                || e.media().durationMs() == null) {
            return;
        }
        Long hash = inspector.frameHash(files.path(e.media().sha256()), e.media().durationMs());
        if (hash == null) {
            return;
        }
        entries.setFrameHash(entryId, hash);
        for (NearDuplicates.Match m : nearDuplicates.find(e.contestId(), hash, true, entryId)) {
            entries.insertSimilarity(e.contestId(), entryId, m.entryId(), "VIDEO_FRAME", m.distance());
        }
    }

    void make(long entryId) {
        Entry e = entries.find(entryId).orElse(null);
        if (e == null || e.publicSha256() != null || e.media().category() == MediaFormat.Category.IMAGE) {
            return;
        }
        Path out = properties.uploadDir().resolve("public-" + entryId + "-" + System.nanoTime() + ".tmp");
        try {
            String type = copies.strip(files.path(e.media().sha256()), e.media().format(), out);
            String sha;
            try (InputStream in = Files.newInputStream(out)) {
                sha = files.store(in, "public-" + e.receiptNo()).sha256();
            }
            entries.setPublicCopy(entryId, sha, type, null);
        } catch (DomainException ex) {
            entries.setPublicCopy(entryId, null, null, ex.getMessage());
        } catch (IOException | RuntimeException ex) {
            log.warn("public copy of entry {} failed: {}", entryId, ex.toString());
            entries.setPublicCopy(entryId, null, null, "공개본을 만들지 못했습니다: " + ex.getClass().getSimpleName());
        } finally {
            try {
                Files.deleteIfExists(out);
            } catch (IOException ignored) {
                // temp file
            }
        }
    }
}
