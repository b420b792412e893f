package kr.sotong.opendata.catalog;

import java.time.Instant;

/** One immutable version of a resource's file (an upload, or a standardised copy of another version). */
public record DatasetVersion(long id, long resourceId, int versionNo, String sha256, String fileName, String mediaType,
                              long sizeBytes, String format, String encoding, Long rowCount, String source,
                              Long parentVersionId, Long validationId, String note, Instant createdAt, String createdBy) {
}
