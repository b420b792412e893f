package kr.sotong.contests.core;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code sotong.contests.*}.
 *
 * @param uploadDir       part files of unfinished uploads (default {@code ${sotong.home}/contests-uploads})
 * @param maxUpload       the largest file any contest may accept (default 500MB)
 * @param chunkSize       the chunk size the browser sends per request (default 8MB)
 * @param maxImagePixels  decompression-bomb guard: declared width × height at most this
 * @param maxImageSide    … and each side at most this
 * @param publicImageSide long side of the metadata-free public/judging copy of a photo
 * @param nearDuplicateDistance perceptual-hash distance (of 64 bits) at or below which photos are flagged
 * @param draftLifetime   how long an unfinished entry (and its upload) is kept
 * @param ffprobe         the ffprobe command (containers other than MP4/MOV)
 * @param ffmpeg          the ffmpeg command (key frames, public copies)
 * @param toolTimeout     how long ffprobe/ffmpeg may run on one file
 * @param hasherThreads   threads that hash uploads while their bytes arrive (default: one per core)
 * @param entriesPerHour  new entries (drafts) one address may start per hour (default 30; raise it where many
 *                        residents share one address, e.g. a community centre's PC room)
 * @param uploadsPerHour  uploads one address may start per hour (default 60)
 */
@ConfigurationProperties("sotong.contests")
public record ContestsProperties(Path uploadDir, DataSize maxUpload, DataSize chunkSize, long maxImagePixels,
                                 int maxImageSide, int publicImageSide, int nearDuplicateDistance,
                                 Duration draftLifetime, String ffprobe, String ffmpeg,
                                 Duration toolTimeout, int hasherThreads,
                                 int entriesPerHour, int uploadsPerHour) {

    public ContestsProperties {
        uploadDir = uploadDir == null ? Path.of("./sotong-data/contests-uploads") : uploadDir;
        maxUpload = maxUpload == null ? DataSize.ofMegabytes(500) : maxUpload;
        chunkSize = chunkSize == null ? DataSize.ofMegabytes(8) : chunkSize;
        maxImagePixels = maxImagePixels <= 0 ? 100_000_000L : maxImagePixels;
        maxImageSide = maxImageSide <= 0 ? 30_000 : maxImageSide;
        publicImageSide = publicImageSide <= 0 ? 2560 : publicImageSide;
        nearDuplicateDistance = nearDuplicateDistance <= 0 ? 10 : nearDuplicateDistance;
        draftLifetime = draftLifetime == null ? Duration.ofHours(24) : draftLifetime;
        ffprobe = ffprobe == null || ffprobe.isBlank() ? "ffprobe" : ffprobe;
        ffmpeg = ffmpeg == null || ffmpeg.isBlank() ? "ffmpeg" : ffmpeg;
        toolTimeout = toolTimeout == null ? Duration.ofMinutes(2) : toolTimeout;
        hasherThreads = hasherThreads <= 0 ? Runtime.getRuntime().availableProcessors() : hasherThreads;
        entriesPerHour = entriesPerHour <= 0 ? 30 : entriesPerHour;
        uploadsPerHour = uploadsPerHour <= 0 ? 60 : uploadsPerHour;
    }
}
